package org.dorsal.governance;

import java.io.IOException;
import java.io.Writer;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.State;

/**
 * A made-up population of intakes, for demos, benchmarks and impact analysis without any patient
 * data: mostly self-care, few red flags, onsets from hours to months and self-care that fits the
 * onset. Intake {@code i} depends only on the seed and {@code i}, so threads and Spark partitions
 * each generate their own ranges and still agree, and any intake can be reproduced from two numbers.
 *
 * <pre>{@code
 * SyntheticPopulation people = SyntheticPopulation.seeded(1);
 * Intake first = people.get(0);          // the same on every machine, every run
 * String line = people.line(0);          // {"id":"synth-1-0","hoursSinceOnset":…,"findings":{…}}
 * people.write(100_000, writer);         // NDJSON that BatchReader reads back
 * }</pre>
 *
 * <p><b>The figures are illustrative, not epidemiological.</b> They were chosen to look plausible for
 * people who use a self-care tool for neck or upper back pain and to reach every rule; they come from
 * no study, describe no real population, and no clinical claim may be drawn from anything measured
 * on them. How each intake is drawn: where a finding is "unknown U%", that share is left unanswered
 * first and the other shares are of those who answered.
 *
 * <table>
 * <caption>How a synthetic intake is drawn</caption>
 * <tr><th>part</th><th>how</th></tr>
 * <tr><td>complaint</td><td>neck stiffness only 28%, upper back stiffness only 14%, both 14%, muscle
 *   spasm only 20%, spasm with stiffness 12% (neck, upper back or both, a third each), none of the
 *   three named 12%; a complaint not drawn is absent (unknown one time in ten)</td></tr>
 * <tr><td>{@code hoursSinceOnset}</td><td>unknown 4%; otherwise log-normal, median 36 h for a spasm
 *   (σ 1.2 in log space), 7 days for stiffness without spasm (σ 1.3), 3 days otherwise (σ 1.4), so
 *   from a few hours to a few months; cut to 0 … 87,600</td></tr>
 * <tr><td>{@code SELF_CARE_TRIED}</td><td>unknown 5%; present 15% under a day, 40% under 3 days, 60%
 *   under a week, 75% after (50% when the onset is unknown); absent otherwise</td></tr>
 * <tr><td>{@code selfCareDays}</td><td>only when self-care was tried and the onset is known, and then
 *   unknown one time in ten; otherwise 40–100% (uniform) of the whole days since onset, so never more
 *   than the onset</td></tr>
 * <tr><td>{@code IMPROVING}</td><td>unknown 8%; present 45% in the first 3 days, 55% up to 2 weeks,
 *   40% after (50% when the onset is unknown)</td></tr>
 * <tr><td>{@code ACUTE_SYMPTOMS_SUBSIDED}</td><td>unknown 10%; present 10% under 48 h, 35% under 72 h,
 *   70% after (40% when the onset is unknown)</td></tr>
 * <tr><td>red flags</td><td>radiating arm pain 2.5%; numbness or tingling 35% with radiating pain,
 *   1.2% without; arm or hand weakness 25% with numbness, 0.3% without; fever or chills 0.5%;
 *   unexplained weight loss 10% with fever, 0.2% without; sudden severe headache 0.2%; dizziness or
 *   vertigo 1.2%; visual disturbance 20% with dizziness, 0.3% without; loss of bowel or bladder
 *   control 0.1%. The link to a neck movement or trauma: with dizziness or a visual disturbance,
 *   present 25%, unknown 20%, absent otherwise; without, absent 60%, unknown 40%</td></tr>
 * <tr><td>unanswered red flags</td><td>85% answer every red-flag question; the other 15% leave each
 *   one unknown with a chance of 30% (whatever the true answer)</td></tr>
 * <tr><td>habits and triggers</td><td>each unknown 8%; present: prolonged sitting or screen 45%,
 *   stress or tension 30%, dehydration 10%, an awkward lift or twist 30% with a spasm and 10%
 *   without, habitual cracking 20%, self-manipulation 30% of habitual crackers and 2% of
 *   others</td></tr>
 * </table>
 *
 * <p>What Dorsal makes of it, and the measured shares, are in {@code docs/governance.md}.
 */
public final class SyntheticPopulation {
    private static final Finding[] FINDINGS = Finding.values();
    private static final Finding[] RED_FLAGS = {
            Finding.RADIATING_ARM_PAIN, Finding.NUMBNESS_OR_TINGLING, Finding.ARM_OR_HAND_WEAKNESS,
            Finding.FEVER_OR_CHILLS, Finding.UNEXPLAINED_WEIGHT_LOSS, Finding.SEVERE_SUDDEN_HEADACHE,
            Finding.DIZZINESS_OR_VERTIGO, Finding.VISUAL_DISTURBANCE, Finding.SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA,
            Finding.BOWEL_OR_BLADDER_CONTROL_LOSS};

    private final long seed;
    private final String idPrefix;

    private SyntheticPopulation(long seed) {
        this.seed = seed;
        this.idPrefix = "synth-" + seed + "-";
    }

    /** The population of {@code seed}. */
    public static SyntheticPopulation seeded(long seed) {
        return new SyntheticPopulation(seed);
    }

    public long seed() {
        return seed;
    }

    /** E.g. "synthetic population, seed 1, 100000 intakes": for reports. */
    public String describe(long count) {
        return "synthetic population, seed " + seed + ", " + count + " intakes";
    }

    /** The id of intake {@code index}: {@code synth-SEED-INDEX}, e.g. {@code synth-1-0} for the first. */
    public String id(long index) {
        return idPrefix + index;
    }

    /** Intake number {@code index} (from 0) of this seed. */
    public Intake get(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, got " + index);
        }
        SplittableRandom r = new SplittableRandom(mix(seed, index));
        State[] states = new State[FINDINGS.length];
        java.util.Arrays.fill(states, State.ABSENT);
        int hours = complaintAndOnset(r, states);
        selfCare(r, states, hours);
        int selfCareDays = selfCareDays(r, states[Finding.SELF_CARE_TRIED.ordinal()], hours);
        redFlags(r, states);
        habits(r, states);
        Intake.Builder b = Intake.builder();
        for (Finding f : FINDINGS) {
            b.answer(f, states[f.ordinal()]);
        }
        if (hours >= 0) {
            b.hoursSinceOnset(hours);
        }
        if (selfCareDays >= 0) {
            b.selfCareDays(selfCareDays);
        }
        return b.build();
    }

    /** Intakes 0 to {@code count − 1}, in order. */
    public Stream<Intake> stream(long count) {
        return LongStream.range(0, count).mapToObj(this::get);
    }

    /**
     * Intake {@code index} as one line of batch input: the intake JSON with its {@link #id(long)},
     * on one line, without the line break; unknown findings are left out.
     */
    public String line(long index) {
        Intake intake = get(index);
        StringBuilder b = new StringBuilder(640).append("{\"id\":\"").append(idPrefix).append(index).append('"');
        intake.hoursSinceOnset().ifPresent(h -> b.append(",\"").append(Quantity.HOURS_SINCE_ONSET.field()).append("\":").append(h));
        intake.selfCareDays().ifPresent(d -> b.append(",\"").append(Quantity.SELF_CARE_DAYS.field()).append("\":").append(d));
        b.append(",\"findings\":{");
        boolean first = true;
        for (Finding f : FINDINGS) {
            State s = intake.state(f);
            if (s != State.UNKNOWN) {
                b.append(first ? "\"" : ",\"").append(f.name()).append("\":\"").append(s.json()).append('"');
                first = false;
            }
        }
        return b.append("}}").toString();
    }

    /** Writes intakes 0 to {@code count − 1} as NDJSON, one {@link #line(long)} each, ending with a line break. */
    public void write(long count, Writer out) throws IOException {
        for (long i = 0; i < count; i++) {
            out.write(line(i));
            out.write('\n');
        }
    }

    /** Draws the complaint into {@code states}; returns the onset in hours, or −1 when unknown. */
    private static int complaintAndOnset(SplittableRandom r, State[] states) {
        double u = r.nextDouble();
        boolean neck = false;
        boolean upper = false;
        boolean spasm = false;
        if (u < 0.28) {
            neck = true;
        } else if (u < 0.42) {
            upper = true;
        } else if (u < 0.56) {
            neck = upper = true;
        } else if (u < 0.76) {
            spasm = true;
        } else if (u < 0.88) {
            spasm = true;
            int which = r.nextInt(3);
            neck = which != 1;
            upper = which != 0;
        }
        states[Finding.NECK_STIFFNESS.ordinal()] = complaint(r, neck);
        states[Finding.UPPER_BACK_STIFFNESS.ordinal()] = complaint(r, upper);
        states[Finding.MUSCLE_SPASM.ordinal()] = complaint(r, spasm);
        if (r.nextDouble() < 0.04) {
            return -1;
        }
        double median = spasm ? 36 : neck || upper ? 7 * 24 : 3 * 24;
        double sigma = spasm ? 1.2 : neck || upper ? 1.3 : 1.4;
        double hours = Math.exp(Math.log(median) + sigma * r.nextGaussian());
        return (int) Math.min(Quantity.HOURS_SINCE_ONSET.max(), Math.round(hours));
    }

    private static State complaint(SplittableRandom r, boolean has) {
        if (has) {
            return State.PRESENT;
        }
        return r.nextInt(10) == 0 ? State.UNKNOWN : State.ABSENT;
    }

    private static void selfCare(SplittableRandom r, State[] states, int hours) {
        double tried = hours < 0 ? 0.50 : hours < 24 ? 0.15 : hours < 72 ? 0.40 : hours < 7 * 24 ? 0.60 : 0.75;
        states[Finding.SELF_CARE_TRIED.ordinal()] = tri(r, tried, 0.05);
        double improving = hours < 0 ? 0.50 : hours < 72 ? 0.45 : hours < 14 * 24 ? 0.55 : 0.40;
        states[Finding.IMPROVING.ordinal()] = tri(r, improving, 0.08);
        double subsided = hours < 0 ? 0.40 : hours < 48 ? 0.10 : hours < 72 ? 0.35 : 0.70;
        states[Finding.ACUTE_SYMPTOMS_SUBSIDED.ordinal()] = tri(r, subsided, 0.10);
    }

    /** Days of self-care, never more than the whole days since onset; −1 when unknown. */
    private static int selfCareDays(SplittableRandom r, State tried, int hours) {
        if (tried != State.PRESENT || hours < 0 || r.nextInt(10) == 0) {
            return -1;
        }
        int onsetDays = hours / 24;
        return (int) Math.floor(onsetDays * (0.4 + 0.6 * r.nextDouble()));
    }

    private static void redFlags(SplittableRandom r, State[] states) {
        boolean radiating = r.nextDouble() < 0.025;
        boolean numbness = r.nextDouble() < (radiating ? 0.35 : 0.012);
        boolean weakness = r.nextDouble() < (numbness ? 0.25 : 0.003);
        boolean fever = r.nextDouble() < 0.005;
        boolean weightLoss = r.nextDouble() < (fever ? 0.10 : 0.002);
        boolean headache = r.nextDouble() < 0.002;
        boolean dizziness = r.nextDouble() < 0.012;
        boolean visual = r.nextDouble() < (dizziness ? 0.20 : 0.003);
        boolean bowel = r.nextDouble() < 0.001;
        set(states, Finding.RADIATING_ARM_PAIN, radiating);
        set(states, Finding.NUMBNESS_OR_TINGLING, numbness);
        set(states, Finding.ARM_OR_HAND_WEAKNESS, weakness);
        set(states, Finding.FEVER_OR_CHILLS, fever);
        set(states, Finding.UNEXPLAINED_WEIGHT_LOSS, weightLoss);
        set(states, Finding.SEVERE_SUDDEN_HEADACHE, headache);
        set(states, Finding.DIZZINESS_OR_VERTIGO, dizziness);
        set(states, Finding.VISUAL_DISTURBANCE, visual);
        set(states, Finding.BOWEL_OR_BLADDER_CONTROL_LOSS, bowel);
        double link = r.nextDouble();
        states[Finding.SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA.ordinal()] = dizziness || visual
                ? (link < 0.25 ? State.PRESENT : link < 0.45 ? State.UNKNOWN : State.ABSENT)
                : (link < 0.60 ? State.ABSENT : State.UNKNOWN);
        // Drawn whatever the answers, so that leaving questions open does not shift the answers of
        // everyone else: the same index keeps the same true answers.
        boolean skips = r.nextDouble() < 0.15;
        for (Finding f : RED_FLAGS) {
            boolean skipped = r.nextDouble() < 0.30;
            if (skips && skipped) {
                states[f.ordinal()] = State.UNKNOWN;
            }
        }
    }

    private static void habits(SplittableRandom r, State[] states) {
        boolean spasm = states[Finding.MUSCLE_SPASM.ordinal()] == State.PRESENT;
        states[Finding.PROLONGED_SITTING_OR_SCREEN.ordinal()] = tri(r, 0.45, 0.08);
        states[Finding.STRESS_OR_TENSION.ordinal()] = tri(r, 0.30, 0.08);
        states[Finding.DEHYDRATION.ordinal()] = tri(r, 0.10, 0.08);
        states[Finding.AWKWARD_LIFT_OR_TWIST.ordinal()] = tri(r, spasm ? 0.30 : 0.10, 0.08);
        State cracking = tri(r, 0.20, 0.08);
        states[Finding.HABITUAL_CRACKING.ordinal()] = cracking;
        states[Finding.SELF_MANIPULATION.ordinal()] = tri(r, cracking == State.PRESENT ? 0.30 : 0.02, 0.08);
    }

    private static void set(State[] states, Finding f, boolean present) {
        states[f.ordinal()] = present ? State.PRESENT : State.ABSENT;
    }

    /** Present with {@code present}, unknown with {@code unknown}, absent otherwise (one draw). */
    private static State tri(SplittableRandom r, double present, double unknown) {
        double x = r.nextDouble();
        return x < unknown ? State.UNKNOWN : x < unknown + present * (1 - unknown) ? State.PRESENT : State.ABSENT;
    }

    /** SplitMix64's finaliser: neighbouring indexes and seeds give unrelated streams. */
    static long mix(long seed, long index) {
        long z = seed * 0xD1B54A32D192ED03L + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
