package org.dorsal.governance;

import org.dorsal.Intake;

/**
 * An intake of the population that shows a kind of change, beside the smallest intake reached from
 * it that still shows that kind, and what both configurations say about the smaller one.
 *
 * @param key the original's line number or index in the population
 * @param original the intake as it came
 * @param shrunk the smallest intake found that still shows the kind; the original when it did not
 *               show the kind again on re-assessment
 * @param reproduced false when re-assessing the original no longer showed the kind (a tally from
 *                   other engines than the report's), so nothing could be shrunk
 * @param comparison what both configurations say about {@code shrunk}
 */
record ShrunkExample(long key, Intake original, Intake shrunk, boolean reproduced, Comparison comparison) {
}
