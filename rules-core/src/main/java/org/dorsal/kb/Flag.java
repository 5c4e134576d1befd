package org.dorsal.kb;

import java.util.List;
import org.dorsal.Evidence;

/**
 * A red flag a rule found. Its presence suppresses all self-care advice. The disposition it
 * demands is the rule's, as the content manifest declares it.
 */
public record Flag(String id, List<Evidence> evidence) {
}
