package org.dorsal.kb;

import org.dorsal.Disposition;

/**
 * A question a rule wants asked: a finding name or a quantity field name.
 * {@code redFlag} questions make the assessment provisional.
 */
public record Ask(String subject, boolean redFlag, Disposition couldLeadTo) {
}
