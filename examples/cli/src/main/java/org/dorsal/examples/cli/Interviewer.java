package org.dorsal.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Interview;
import org.dorsal.Quantity;
import org.dorsal.Question;
import org.dorsal.State;

/**
 * Asks a person the questions the knowledge base still needs, one at a time, most severe first,
 * and stops as soon as no answer could make the disposition more urgent (nor add self-care
 * advice), or when input ends.
 */
final class Interviewer {
    /** The complaint comes first; the knowledge base only asks about what follows from it. */
    private static final List<Finding> COMPLAINTS =
            List.of(Finding.NECK_STIFFNESS, Finding.UPPER_BACK_STIFFNESS, Finding.MUSCLE_SPASM);

    /** What the conversation ended with: the answers given, and the assessment of them. */
    record Outcome(Intake intake, Assessment assessment) {
    }

    private final Dorsal dorsal;
    private final BufferedReader in;
    private final PrintWriter prompts;
    private final Set<String> asked = new HashSet<>();

    Interviewer(Dorsal dorsal, BufferedReader in, PrintWriter prompts) {
        this.dorsal = dorsal;
        this.in = in;
        this.prompts = prompts;
    }

    Outcome run() {
        try (Interview interview = dorsal.newInterview()) {
            introduce();
            boolean open = true;
            for (Finding complaint : COMPLAINTS) {
                asked.add(complaint.name());
                if (!askFinding(interview, complaint, dorsal.questionText(complaint))) {
                    open = false;
                    break;
                }
            }
            Assessment current = interview.assessment();
            while (open) {
                Optional<Question> next = next(current);
                if (next.isEmpty()) {
                    break;
                }
                asked.add(next.get().finding());
                open = ask(interview, next.get());
                current = interview.assessment();
            }
            prompts.println();
            prompts.flush();
            return new Outcome(interview.intake(), current);
        }
    }

    /**
     * The first question not yet asked that could make the disposition more urgent, or that the
     * knowledge base marks as changing only the self-care advice (such as the onset, without which
     * no cold or heat advice is given). Once neither is left, the disposition is settled and the
     * person has answered enough to act.
     */
    private Optional<Question> next(Assessment current) {
        return current.questions().stream()
                .filter(q -> !asked.contains(q.finding()))
                .filter(q -> q.couldLeadTo().isMoreUrgentThan(current.disposition())
                        || q.couldLeadTo() == Disposition.SELF_CARE)
                .findFirst();
    }

    private void introduce() {
        for (String line : Report.lines("", "", "Dorsal will ask a few questions about your neck and upper back. "
                + "Answer y (yes), n (no) or ? (don't know). If you think this is an emergency, "
                + "stop now and call emergency services.")) {
            prompts.println(line);
        }
        prompts.println();
    }

    /** Asks one question of the knowledge base; false when input has ended. */
    private boolean ask(Interview interview, Question q) {
        for (Quantity quantity : Quantity.values()) {
            if (quantity.field().equals(q.finding())) {
                return askQuantity(interview, quantity, q.text());
            }
        }
        try {
            return askFinding(interview, Finding.valueOf(q.finding()), q.text());
        } catch (IllegalArgumentException unknownToThisHost) {
            return true;
        }
    }

    private boolean askFinding(Interview interview, Finding finding, String text) {
        while (true) {
            String line = prompt(text + " [y/n/?] ");
            if (line == null) {
                return false;
            }
            Optional<State> state = state(line);
            if (state.isPresent()) {
                interview.answer(finding, state.get());
                return true;
            }
            prompts.println("  Please answer y (yes), n (no) or ? (don't know).");
        }
    }

    /** Asks for a duration in the units people count in, and converts it: "3 days" of onset is 72 hours. */
    private boolean askQuantity(Interview interview, Quantity quantity, String text) {
        DurationAnswer duration = DurationAnswer.of(quantity);
        while (true) {
            String line = prompt(text + " [" + duration.hint() + "; ? if you don't know] ");
            if (line == null) {
                return false;
            }
            if (state(line).orElse(null) == State.UNKNOWN) {
                return true;
            }
            DurationAnswer.Reading reading = duration.read(line);
            if (reading.accepted()) {
                interview.quantity(quantity, reading.value());
                return true;
            }
            for (String refusal : Report.lines("  ", "  ", reading.refusal())) {
                prompts.println(refusal);
            }
        }
    }

    private String prompt(String text) {
        List<String> lines = Report.lines("", "", text);
        for (int i = 0; i < lines.size() - 1; i++) {
            prompts.println(lines.get(i));
        }
        prompts.print(lines.get(lines.size() - 1) + " ");
        prompts.flush();
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<State> state(String answer) {
        return switch (answer.strip().toLowerCase(Locale.ROOT)) {
            case "y", "yes" -> Optional.of(State.PRESENT);
            case "n", "no" -> Optional.of(State.ABSENT);
            case "?", "dk", "don't know", "dont know", "unknown" -> Optional.of(State.UNKNOWN);
            default -> Optional.empty();
        };
    }
}
