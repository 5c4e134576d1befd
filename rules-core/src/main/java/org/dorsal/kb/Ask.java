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
    /**
     * Every Ask there can be, made once: rules insert them on every assessment, and truth
     * maintenance compares them by equality, so sharing equal values saves an allocation each
     * without changing what the engine sees.
     */
    private static final Ask[][][] ALL = new Ask[Subject.all().size()][2][Disposition.values().length];

    static {
        for (Subject s : Subject.all()) {
            for (Disposition d : Disposition.values()) {
                ALL[s.index()][0][d.ordinal()] = new Ask(s, false, d);
                ALL[s.index()][1][d.ordinal()] = new Ask(s, true, d);
            }
        }
    }

    /** An unknown red-flag finding, which could lead to its declared level. */
    public static Ask redFlag(Finding finding, RedFlagFinding declared) {
        return of(finding, true, declared.level());
    }

    /** A question whose answer could change only the advice. */
    public static Ask advice(Subject subject) {
        return of(subject, false, Disposition.SELF_CARE);
    }

    /** A question whose answer could lead to a referral or escalation {@code to}. */
    public static Ask referral(Subject subject, Disposition to) {
        return of(subject, false, to);
    }

    /** The shared Ask equal to {@code new Ask(subject, redFlag, couldLeadTo)}. */
    public static Ask of(Subject subject, boolean redFlag, Disposition couldLeadTo) {
        return ALL[subject.index()][redFlag ? 1 : 0][couldLeadTo.ordinal()];
    }
}
