package org.dorsal.testkit;

import java.util.Optional;
import java.util.function.BiFunction;
import org.dorsal.Assessment;
import org.dorsal.Intake;

/**
 * A property every (intake, assessment) pair must have. Implement it for a host's own rules, or
 * use those of the specification from {@link SpecInvariants}.
 *
 * <pre>{@code
 * Invariant noExerciseWhileProvisional = Invariant.of("host: no exercise while provisional", (intake, a) ->
 *         a.provisional() && a.recommendations().stream().anyMatch(r -> r.kind() == Kind.EXERCISE)
 *                 ? Optional.of("exercise offered while a red-flag question is open")
 *                 : Optional.empty());
 * }</pre>
 */
public interface Invariant {
    /** A short name that says which property this is, e.g. {@code §8.4 thermal}. */
    String name();

    /** What is wrong with {@code assessment} as the answer to {@code intake}, or empty when the property holds. */
    Optional<String> check(Intake intake, Assessment assessment);

    /** The violation, named, or empty. */
    default Optional<Violation> violation(Intake intake, Assessment assessment) {
        return check(intake, assessment).map(d -> new Violation(name(), d));
    }

    /** An invariant from a name and a check. */
    static Invariant of(String name, BiFunction<Intake, Assessment, Optional<String>> check) {
        return new Invariant() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> check(Intake intake, Assessment assessment) {
                return check.apply(intake, assessment);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
