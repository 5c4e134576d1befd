package org.dorsal.kb;

import java.util.List;
import org.dorsal.Evidence;

/** Derived: the spasm is in its acute phase, so strengthening exercises wait. */
public record AcutePhase(List<Evidence> evidence) {
}
