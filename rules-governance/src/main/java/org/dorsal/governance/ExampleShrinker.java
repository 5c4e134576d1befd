package org.dorsal.governance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.State;
import org.dorsal.testkit.Shrinker;

/**
 * Shrinks each example of a kind of change to what a clinician needs to read it: the answers that
 * matter for that change and nothing else.
 *
 * <p>The testkit's shrinker moves numbers toward the threshold edges of one {@link
 * org.dorsal.Thresholds}. A change between two configurations lives between the edges of both (a
 * spasm referral at 7 days before and 10 days after shows from 168 to 239 hours), so when the
 * thresholds differ the example is shrunk with one configuration's edges and then the other's, in
 * both orders, and the smaller result is kept. One order is not enough: the shrinker counts the
 * nearest edge above a number as simpler, so the second pass can lift 168 hours to 239, and which
 * end is the smaller depends on which way the threshold moved. Every pass keeps only intakes that
 * still show the kind, so the result shows it too.
 */
final class ExampleShrinker {
    private final Engine before;
    private final Engine after;

    ExampleShrinker(Engine before, Engine after) {
        this.before = before;
        this.after = after;
    }

    /** The examples of {@code kind}, shrunk, without two that shrink to the same intake. */
    List<ShrunkExample> shrink(String kind, List<ImpactTally.Example> examples) {
        Predicate<Intake> showsKind = candidate -> Comparison.of(before, after, candidate).kinds().contains(kind);
        List<ShrunkExample> out = new ArrayList<>();
        Set<Intake> seen = new HashSet<>();
        for (ImpactTally.Example example : examples) {
            Intake original = DorsalJson.readIntake(example.intakeJson());
            boolean reproduced = showsKind.test(original);
            Intake shrunk = reproduced ? shrink(original, showsKind) : original;
            if (seen.add(shrunk)) {
                out.add(new ShrunkExample(example.key(), original, shrunk, reproduced, Comparison.of(before, after, shrunk)));
            }
        }
        return out;
    }

    private Intake shrink(Intake intake, Predicate<Intake> showsKind) {
        Shrinker first = Shrinker.of(before.thresholds());
        if (after.thresholds().equals(before.thresholds())) {
            return first.shrink(intake, showsKind);
        }
        Shrinker second = Shrinker.of(after.thresholds());
        Intake one = second.shrink(first.shrink(intake, showsKind), showsKind);
        Intake other = first.shrink(second.shrink(intake, showsKind), showsKind);
        return size(other) < size(one) || size(other) == size(one) && magnitude(other) < magnitude(one) ? other : one;
    }

    /** How many answers and quantities an intake gives: what a reader has to take in. */
    static int size(Intake intake) {
        int known = (int) intake.findings().values().stream().filter(s -> s != State.UNKNOWN).count();
        for (Quantity q : Quantity.values()) {
            known += intake.quantity(q).isPresent() ? 1 : 0;
        }
        return known;
    }

    private static long magnitude(Intake intake) {
        long sum = 0;
        for (Quantity q : Quantity.values()) {
            sum += intake.quantity(q).orElse(0);
        }
        return sum;
    }
}
