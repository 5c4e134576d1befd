package org.dorsal.kb;

import java.util.List;
import org.dorsal.Evidence;

/**
 * A recommendation a rule made. Its text, dose, kind and any disposition it demands (a referral's
 * ROUTINE) come from the content manifest and catalogue, by rule ID.
 */
public record Advice(String id, List<Evidence> evidence) {
}
