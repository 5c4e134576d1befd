package org.dorsal.fhir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.dorsal.Dorsal;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Question;
import org.dorsal.State;
import org.dorsal.Subject;

/**
 * Which questions are follow-ups, and of what: derived from the knowledge base's own relevance,
 * not listed by hand, so the form hides exactly what the knowledge base would no longer ask.
 *
 * <p>A subject gated by findings {@code G1..Gn} is shown unless every one of them is answered No.
 * The gate is found by asking the knowledge base: with {@code G1..Gn} answered No and nothing else
 * known, the subject is not among the assessment's questions. Relevance (spec §6) is "some way the
 * other open answers could turn out would let this answer matter", so a subject that is not
 * relevant with only those answers known is not relevant with any more answers known either
 * (invariant 10, which the test kit checks exhaustively). Hiding it therefore never hides a
 * question whose answer could change the disposition or the rule IDs.
 *
 * <p>What is not made a gate, and why:
 * <ul>
 *   <li>A Yes that makes a question moot (a red flag that suppresses self-care advice): the form
 *       would then empty its later sections after a single Yes, and a clinician reading the
 *       response would lose the patient's answers. The knowledge base ignores such answers.</li>
 *   <li>Later questions: a question does not vanish because of an answer given below it.</li>
 *   <li>Durations: whether the onset is under a threshold is a comparison across units that
 *       renderers do not make alike.</li>
 *   <li>More than one way to rule a question out: R4's {@code enableWhen} joins its conditions
 *       with one "all" or one "any", so one minimal set of No answers is kept (the earliest); the
 *       question then shows in some cases where it could have been hidden.</li>
 * </ul>
 */
final class Gates {
    private Gates() {
    }

    /**
     * For each subject that has a gate, the earlier findings whose No answers together rule it out,
     * in question order.
     */
    static Map<Subject, List<Finding>> of(Dorsal dorsal) {
        List<Subject> order = dorsal.questions().stream().map(Question::subject).toList();
        Map<Set<Finding>, Set<Subject>> asked = new HashMap<>();
        BiPredicate<Subject, List<Finding>> isAsked = (subject, no) -> asked
                .computeIfAbsent(no.isEmpty() ? Set.of() : EnumSet.copyOf(no), n -> questions(dorsal, n)).contains(subject);
        Map<Subject, List<Finding>> gates = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            Subject subject = order.get(i);
            List<Finding> earlier = order.subList(0, i).stream()
                    .filter(Finding.class::isInstance).map(Finding.class::cast).toList();
            if (earlier.isEmpty() || !isAsked.test(subject, List.of()) || isAsked.test(subject, earlier)) {
                continue;
            }
            // Shrink to a minimal set, trying to drop the latest answers first: the gate is then
            // made of the earliest answers, which are the least likely to be hidden themselves (a
            // hidden answer counts as not given, and so as not No).
            List<Finding> gate = new ArrayList<>(earlier);
            for (int j = earlier.size() - 1; j >= 0; j--) {
                List<Finding> without = new ArrayList<>(gate);
                without.remove(earlier.get(j));
                if (!without.isEmpty() && !isAsked.test(subject, without)) {
                    gate = without;
                }
            }
            gates.put(subject, Collections.unmodifiableList(gate));
        }
        return Collections.unmodifiableMap(gates);
    }

    /** What the knowledge base asks when {@code no} are answered No and nothing else is known. */
    private static Set<Subject> questions(Dorsal dorsal, Set<Finding> no) {
        Intake.Builder intake = Intake.builder();
        no.forEach(f -> intake.answer(f, State.ABSENT));
        return dorsal.assess(intake.build()).questions().stream().map(Question::subject).collect(Collectors.toSet());
    }
}
