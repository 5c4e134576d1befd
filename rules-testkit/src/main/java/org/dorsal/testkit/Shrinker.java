package org.dorsal.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.State;
import org.dorsal.Thresholds;

/**
 * Makes a failing intake minimal: drops answers (back to unknown) and moves numbers toward the
 * threshold boundaries for as long as the failure persists, so what is left is what matters. The
 * result prints as intake JSON, ready to be saved as a case file.
 *
 * <pre>{@code
 * Predicate<Intake> fails = intake -> dorsal.assess(intake).disposition() != Disposition.EMERGENCY;
 * Intake minimal = Shrinker.of(Thresholds.defaults()).shrink(failing, fails);
 * System.out.println(DorsalJson.writeIntake(minimal));
 * }</pre>
 *
 * <p>Each accepted step makes the intake strictly simpler (fewer answers, fewer known quantities, a
 * quantity on a boundary, or a smaller one), so shrinking ends.
 */
public final class Shrinker {
    private final Thresholds thresholds;

    private Shrinker(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** A shrinker whose boundaries are those of {@code thresholds}. */
    public static Shrinker of(Thresholds thresholds) {
        return new Shrinker(thresholds);
    }

    /**
     * The smallest intake reachable from {@code failing} on which {@code fails} still holds.
     *
     * @throws IllegalArgumentException if {@code failing} does not fail to begin with
     */
    public Intake shrink(Intake failing, Predicate<Intake> fails) {
        if (!fails.test(failing)) {
            throw new IllegalArgumentException("the intake to shrink does not fail: " + DorsalJson.writeIntake(failing));
        }
        Intake current = failing;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Intake candidate : simpler(current)) {
                if (fails.test(candidate)) {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    /** {@link #shrink}, printed as intake JSON. */
    public String shrinkToJson(Intake failing, Predicate<Intake> fails) {
        return DorsalJson.writeIntake(shrink(failing, fails));
    }

    /** The one-step simplifications of {@code intake}, most drastic first. */
    List<Intake> simpler(Intake intake) {
        List<Intake> out = new ArrayList<>();
        for (Finding f : Finding.values()) {
            if (intake.state(f) != State.UNKNOWN) {
                out.add(intake.toBuilder().answer(f, State.UNKNOWN).build());
            }
        }
        for (Quantity q : Quantity.values()) {
            OptionalInt value = intake.quantity(q);
            if (value.isEmpty()) {
                continue;
            }
            out.add(intake.toBuilder().quantity(q, OptionalInt.empty()).build());
            for (int v : toward(q, value.getAsInt())) {
                out.add(intake.toBuilder().quantity(q, OptionalInt.of(v)).build());
            }
        }
        return out;
    }

    /** Values simpler than {@code v}: smaller boundaries, the nearest boundary above, then steps down toward the one below. */
    private List<Integer> toward(Quantity q, int v) {
        List<Integer> bounds = Boundaries.of(q, thresholds).stream().filter(OptionalInt::isPresent)
                .map(OptionalInt::getAsInt).toList();
        List<Integer> out = new ArrayList<>();
        int below = 0;
        for (int b : bounds) {
            if (b < v) {
                out.add(b);
                below = b;
            }
        }
        if (!bounds.contains(v)) {
            bounds.stream().filter(b -> b > v).findFirst().ifPresent(out::add);
            // Halfway down to the boundary below, then a quarter, ..., then one less: big steps first.
            for (int step = (v - below) / 2; step > 0; step /= 2) {
                if (v - step != below) {
                    out.add(v - step);
                }
            }
        }
        return out;
    }
}
