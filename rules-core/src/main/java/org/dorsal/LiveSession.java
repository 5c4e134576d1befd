package org.dorsal;

import java.util.OptionalInt;
import org.dorsal.kb.Answer;
import org.dorsal.kb.Onset;
import org.dorsal.kb.SelfCare;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A rule session that holds one answer per finding and follows changes to them. Moving it from
 * one intake to another updates only the facts that differ; truth maintenance then withdraws every
 * conclusion whose support went and the engine re-evaluates only the rules those facts feed. What
 * the session concludes is therefore always what a fresh session would conclude from the current
 * answers — the property the interview tests and the property suite check after every change.
 *
 * <p>Used by one thread at a time: by an {@link Interview}, or lent out by {@link Dorsal} for one
 * one-shot assessment.
 */
final class LiveSession {
    private static final Finding[] FINDINGS = Finding.values();

    private final KieSession session;
    private final FactHandle[] answers = new FactHandle[FINDINGS.length];
    private final State[] states = new State[FINDINGS.length];
    private FactHandle onset;
    private FactHandle selfCare;
    private int onsetHours = -1;
    private int selfCareDays = -1;

    LiveSession(KnowledgeBase kb) {
        this.session = kb.newSession();
        session.insert(kb.params);
        kb.redFlagFindings.forEach(session::insert);
        for (Finding f : FINDINGS) {
            answers[f.ordinal()] = session.insert(Answer.of(f, State.UNKNOWN));
            states[f.ordinal()] = State.UNKNOWN;
        }
    }

    KieSession session() {
        return session;
    }

    /** Moves the session to {@code intake}'s answers, touching only what differs. */
    void moveTo(Intake intake) {
        for (Finding f : FINDINGS) {
            set(f, intake.state(f));
        }
        set(Quantity.HOURS_SINCE_ONSET, intake.hoursSinceOnset());
        set(Quantity.SELF_CARE_DAYS, intake.selfCareDays());
    }

    LiveSession set(Finding finding, State state) {
        int i = finding.ordinal();
        if (states[i] != state) {
            session.update(answers[i], Answer.of(finding, state));
            states[i] = state;
        }
        return this;
    }

    LiveSession set(Quantity quantity, OptionalInt value) {
        int next = value.isPresent() ? value.getAsInt() : -1;
        if (quantity == Quantity.HOURS_SINCE_ONSET) {
            if (next != onsetHours) {
                onset = replace(onset, next < 0 ? null : new Onset(next));
                onsetHours = next;
            }
        } else if (next != selfCareDays) {
            selfCare = replace(selfCare, next < 0 ? null : new SelfCare(next));
            selfCareDays = next;
        }
        return this;
    }

    private FactHandle replace(FactHandle handle, Object fact) {
        if (handle == null) {
            return fact == null ? null : session.insert(fact);
        }
        if (fact == null) {
            session.delete(handle);
            return null;
        }
        session.update(handle, fact);
        return handle;
    }

    void dispose() {
        session.dispose();
    }
}
