package org.dorsal.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dorsal.Assessment;
import org.dorsal.Dorsal;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Interview;
import org.dorsal.Quantity;
import org.dorsal.Question;
import org.dorsal.State;
import org.dorsal.Subject;

/**
 * Invariant 9, interview completeness: a host that asks only what the assessment lists, one
 * question at a time, ends where knowing everything would have put it. From an empty intake, the
 * first listed question is answered from a fully known intake X, until none is listed; the end
 * must have the same disposition and the same rule IDs as the one-shot assessment of X, and no
 * subject may be asked twice.
 *
 * <pre>{@code
 * InterviewWalk.Result walk = InterviewWalk.of(dorsal, fullyKnown);
 * walk.violation();   // empty when invariant 9 holds for this intake
 * walk.asked();       // what was asked, in order
 * }</pre>
 */
public final class InterviewWalk {
    private InterviewWalk() {
    }

    /**
     * What a walk did: what it asked, where it ended, what one assessment of the whole intake says,
     * and what went wrong, if anything.
     */
    public record Result(Intake intake, List<Subject> asked, Assessment reached, Assessment expected,
                         Optional<String> violation) {
    }

    /** Walks an interview towards {@code known}, which must leave nothing unknown. */
    public static Result of(Dorsal dorsal, Intake known) {
        for (Finding f : Finding.values()) {
            if (known.state(f) == State.UNKNOWN) {
                throw new IllegalArgumentException("the intake must be fully known; " + f + " is unknown");
            }
        }
        for (Quantity q : Quantity.values()) {
            if (known.quantity(q).isEmpty()) {
                throw new IllegalArgumentException("the intake must be fully known; " + q.field() + " is unknown");
            }
        }
        Assessment expected = dorsal.assess(known);
        List<Subject> asked = new ArrayList<>();
        Set<Subject> seen = new HashSet<>();
        try (Interview interview = dorsal.newInterview()) {
            Assessment now = interview.assessment();
            // Each step answers one more subject, so a walk ends within as many steps as there are subjects.
            for (int step = 0; !now.questions().isEmpty(); step++) {
                Question first = now.questions().get(0);
                Subject s = first.subject();
                if (!seen.add(s)) {
                    return new Result(known, asked, now, expected, Optional.of(s.key() + " is asked twice"));
                }
                asked.add(s);
                if (s instanceof Finding f) {
                    interview.answer(f, known.state(f));
                } else {
                    interview.quantity((Quantity) s, known.quantity((Quantity) s));
                }
                now = interview.assessment();
                if (step > Subject.all().size()) {
                    return new Result(known, asked, now, expected, Optional.of("the interview does not end"));
                }
            }
            Optional<String> violation = Optional.empty();
            if (now.disposition() != expected.disposition()) {
                violation = Optional.of("ends " + now.disposition() + ", but the whole intake gives " + expected.disposition());
            } else if (!ruleIds(now).equals(ruleIds(expected))) {
                violation = Optional.of("ends with rules " + ruleIds(now) + ", but the whole intake gives " + ruleIds(expected));
            }
            return new Result(known, asked, now, expected, violation);
        }
    }

    private static Set<String> ruleIds(Assessment a) {
        Set<String> ids = new java.util.TreeSet<>();
        a.recommendations().forEach(r -> ids.add(r.id()));
        a.redFlags().forEach(r -> ids.add(r.id()));
        return ids;
    }
}
