package org.dorsal.testkit;

import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.State;
import org.dorsal.Thresholds;

/**
 * Seeded random intakes over the whole intake space: every finding in any of its three states,
 * every quantity unknown or anywhere in its range. Intake {@code i} depends only on the seed and
 * {@code i}, so a run can be split across threads and any single intake reproduced from the two
 * numbers a failure report prints.
 *
 * <p>Uniform answers would make an intake without any red flag rare (about 1 in 40), and so the
 * self-care rules rarely reached; each intake therefore first draws a "regime" per group of
 * findings (mostly absent, mostly unknown, uniform, mostly present, ...) and then its answers.
 * Quantities favour the {@link Boundaries} of the given thresholds. Every intake of the space still
 * has a chance.
 *
 * <pre>{@code
 * RandomIntakes random = RandomIntakes.seeded(42, Thresholds.defaults());
 * Intake first = random.get(0);            // the same on every machine, every run
 * random.stream(100_000).forEach(intake -> ...);
 * }</pre>
 */
public final class RandomIntakes {
    /** {present, absent} probabilities; the rest is unknown. */
    private static final double[][] REGIMES = {
            {1 / 3.0, 1 / 3.0},   // uniform
            {0.0, 1.0},           // all answered no
            {0.03, 0.9},          // mostly no
            {0.15, 0.6},          // some yes
            {0.05, 0.15},         // mostly unanswered
            {0.6, 0.2},           // mostly yes
    };

    private final long seed;
    private final List<OptionalInt> hourBoundaries;
    private final List<OptionalInt> dayBoundaries;

    private RandomIntakes(long seed, Thresholds thresholds) {
        this.seed = seed;
        this.hourBoundaries = Boundaries.hoursSinceOnset(thresholds);
        this.dayBoundaries = Boundaries.selfCareDays(thresholds);
    }

    /** Random intakes from {@code seed}, with quantities favouring the edges of {@code thresholds}. */
    public static RandomIntakes seeded(long seed, Thresholds thresholds) {
        return new RandomIntakes(seed, thresholds);
    }

    public long seed() {
        return seed;
    }

    /** The intake number {@code index} of this seed. */
    public Intake get(long index) {
        SplittableRandom r = new SplittableRandom(mix(seed, index));
        double[] redFlagRegime = REGIMES[r.nextInt(REGIMES.length)];
        double[] otherRegime = REGIMES[r.nextInt(REGIMES.length)];
        Intake.Builder b = Intake.builder();
        for (Finding f : Finding.values()) {
            b.answer(f, state(r, RedFlags.FINDINGS.contains(f) ? redFlagRegime : otherRegime));
        }
        b.quantity(Quantity.HOURS_SINCE_ONSET, quantity(r, Quantity.HOURS_SINCE_ONSET, hourBoundaries));
        b.quantity(Quantity.SELF_CARE_DAYS, quantity(r, Quantity.SELF_CARE_DAYS, dayBoundaries));
        return b.build();
    }

    /** Intakes 0 to {@code count − 1}. */
    public Stream<Intake> stream(long count) {
        return LongStream.range(0, count).mapToObj(this::get);
    }

    private static State state(SplittableRandom r, double[] regime) {
        double x = r.nextDouble();
        return x < regime[0] ? State.PRESENT : x < regime[0] + regime[1] ? State.ABSENT : State.UNKNOWN;
    }

    private static OptionalInt quantity(SplittableRandom r, Quantity q, List<OptionalInt> boundaries) {
        int x = r.nextInt(100);
        if (x < 20) {
            return OptionalInt.empty();
        }
        if (x < 65) {
            return boundaries.get(1 + r.nextInt(boundaries.size() - 1));
        }
        // Near the edges, where off-by-one mistakes live, then anywhere at all.
        int largestEdge = boundaries.get(boundaries.size() - 2).getAsInt();
        return OptionalInt.of(x < 90 ? r.nextInt(Math.min(q.max(), 2 * largestEdge) + 1) : r.nextInt(q.max() + 1));
    }

    /** SplitMix64's finaliser: neighbouring indices give unrelated streams. */
    static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
