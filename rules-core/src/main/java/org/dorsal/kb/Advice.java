package org.dorsal.kb;

import java.util.List;
import org.dorsal.Disposition;
import org.dorsal.Evidence;

/**
 * A recommendation a rule made. {@code disposition} is set only by referral rules (ROUTINE); the
 * text, dose and kind come from the content catalogue and the rule's metadata.
 */
public record Advice(String id, Disposition disposition, List<Evidence> evidence) {

    public static Advice of(String id, List<Evidence> evidence) {
        return new Advice(id, null, evidence);
    }
}
