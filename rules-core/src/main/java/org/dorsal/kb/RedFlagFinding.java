package org.dorsal.kb;

import org.dorsal.Disposition;
import org.dorsal.Finding;

/**
 * A finding the content manifest declares a red flag, with the disposition it could lead to.
 * Inserted into every session from the manifest, so that the levels are written down once.
 */
public record RedFlagFinding(Finding finding, Disposition level) {
}
