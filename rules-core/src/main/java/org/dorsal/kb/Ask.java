package org.dorsal.kb;

import org.dorsal.Disposition;
import org.dorsal.Finding;
import org.dorsal.Subject;

/**
 * A question a rule wants asked. {@code redFlag} questions make the assessment provisional;
 * {@code couldLeadTo} is the most urgent disposition an answer could lead to ({@code SELF_CARE}
 * when only the advice could change).
 */
public record Ask(Subject subject, boolean redFlag, Disposition couldLeadTo) {

    /** An unknown red-flag finding, which could lead to its declared level. */
    public static Ask redFlag(Finding finding, RedFlagFinding declared) {
        return new Ask(finding, true, declared.level());
    }

    /** A question whose answer could change only the advice. */
    public static Ask advice(Subject subject) {
        return new Ask(subject, false, Disposition.SELF_CARE);
    }

    /** A question whose answer could lead to a referral or escalation {@code to}. */
    public static Ask referral(Subject subject, Disposition to) {
        return new Ask(subject, false, to);
    }
}
