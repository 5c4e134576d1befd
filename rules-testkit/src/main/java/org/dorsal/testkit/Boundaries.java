package org.dorsal.testkit;

import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dorsal.Quantity;
import org.dorsal.Thresholds;

/**
 * The values of a quantity where decisions change: every threshold edge of the specification (§4)
 * just below, at and just above, plus 0, the largest valid value, and unknown. The edges depend on
 * the configured {@link Thresholds}: 48 h, 72 h and 24 × {@code spasmReferralDays} h for
 * {@code hoursSinceOnset}; {@code stiffnessReferralDays} for {@code selfCareDays}.
 *
 * <pre>{@code
 * Boundaries.of(Quantity.HOURS_SINCE_ONSET, Thresholds.defaults());
 * // [unknown, 0, 47, 48, 49, 71, 72, 73, 167, 168, 169, 87600]
 * }</pre>
 */
public final class Boundaries {
    private Boundaries() {
    }

    /** The threshold edges of {@code quantity} under {@code thresholds}, ascending. */
    public static List<Integer> edges(Quantity quantity, Thresholds thresholds) {
        return quantity == Quantity.HOURS_SINCE_ONSET
                ? List.of(Thresholds.COLD_ONLY_BEFORE_HOURS, Thresholds.HEAT_FROM_HOURS, 24 * thresholds.spasmReferralDays())
                : List.of(thresholds.stiffnessReferralDays());
    }

    /** Unknown first, then 0, each edge −1, the edge and +1, and the maximum, ascending and without repeats. */
    public static List<OptionalInt> of(Quantity quantity, Thresholds thresholds) {
        TreeSet<Integer> values = new TreeSet<>();
        values.add(0);
        values.add(quantity.max());
        for (int edge : edges(quantity, thresholds)) {
            for (int v = edge - 1; v <= edge + 1; v++) {
                if (v >= 0 && v <= quantity.max()) {
                    values.add(v);
                }
            }
        }
        return Stream.concat(Stream.of(OptionalInt.empty()), values.stream().map(OptionalInt::of)).toList();
    }

    /** {@link #of} for {@code hoursSinceOnset}. */
    public static List<OptionalInt> hoursSinceOnset(Thresholds thresholds) {
        return of(Quantity.HOURS_SINCE_ONSET, thresholds);
    }

    /** {@link #of} for {@code selfCareDays}. */
    public static List<OptionalInt> selfCareDays(Thresholds thresholds) {
        return of(Quantity.SELF_CARE_DAYS, thresholds);
    }
}
