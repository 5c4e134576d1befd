package org.dorsal;

import java.util.List;
import java.util.Objects;

/**
 * A red flag found in an intake: a sign that care is needed beyond self-care.
 *
 * @param id the rule ID from the specification, e.g. {@code RF-RADICULOPATHY}
 * @param disposition the disposition this red flag demands
 * @param reason why, in plain language
 * @param source the clinical source the rule cites
 * @param evidence the findings that raised it
 */
public record RedFlag(String id, Disposition disposition, String reason, String source, List<Evidence> evidence) {
    public RedFlag {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
        evidence = List.copyOf(evidence);
    }
}
