package org.dorsal.testkit;

import java.util.Optional;
import org.dorsal.Assessment;
import org.dorsal.Intake;

/**
 * A property relating two assessments, such as monotonicity (invariant 5): the second intake is a
 * change of the first, and the assessments must relate in a given way.
 *
 * <pre>{@code
 * PairInvariant monotonic = SpecInvariants.monotonic();
 * monotonic.check(before, dorsal.assess(before), after, dorsal.assess(after));
 * }</pre>
 */
public interface PairInvariant {
    /** A short name for the property. */
    String name();

    /** What is wrong, or empty when the property holds (or does not apply to this pair). */
    Optional<String> check(Intake before, Assessment beforeAssessment, Intake after, Assessment afterAssessment);
}
