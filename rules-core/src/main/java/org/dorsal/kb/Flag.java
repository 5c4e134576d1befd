package org.dorsal.kb;

import java.util.List;
import org.dorsal.Disposition;
import org.dorsal.Evidence;

/** A red flag a rule found. Its presence suppresses all self-care advice. */
public record Flag(String id, Disposition disposition, List<Evidence> evidence) {
}
