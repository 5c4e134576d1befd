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
import org.dorsal.Subject;

/**
 * Asks a person exactly the questions the knowledge base lists, one at a time, in its order,
 * until none is left or input ends. It keeps no list of its own: what is worth asking, and in
 * which order, is the knowledge base's job (spec §6). Two policies sit on top: an answer that makes
 * the disposition EMERGENCY ends the interview at once, since nothing else matters then; and a
 * question answered "don't know" is not asked again.
 */
final class Interviewer {
    /** What the conversation ended with: the answers given, and the assessment of them. */
    record Outcome(Intake intake, Assessment assessment) {
    }

    private final Dorsal dorsal;
    private final BufferedReader in;
    private final PrintWriter prompts;
    private final Set<Subject> asked = new HashSet<>();

    Interviewer(Dorsal dorsal, BufferedReader in, PrintWriter prompts) {
        this.dorsal = dorsal;
        this.in = in;
        this.prompts = prompts;
    }

    Outcome run() {
        try (Interview interview = dorsal.newInterview()) {
            introduce();
            Assessment current = interview.assessment();
            boolean open = true;
            while (open && current.disposition() != Disposition.EMERGENCY) {
                Optional<Question> next = current.questions().stream().filter(q -> !asked.contains(q.subject())).findFirst();
                if (next.isEmpty()) {
                    break;
                }
                asked.add(next.get().subject());
                open = ask(interview, next.get());
                current = interview.assessment();
            }
            if (current.disposition() == Disposition.EMERGENCY) {
                prompts.println();
                for (String line : Report.lines("", "", "STOP: call emergency services now. Do not drive yourself.")) {
                    prompts.println(line);
                }
            }
            prompts.println();
            prompts.flush();
            return new Outcome(interview.intake(), current);
        }
    }

    private void introduce() {
        for (String line : Report.lines("", "", "Dorsal will ask a few questions about your neck and upper back. "
                + "Answer y (yes), n (no) or ? (don't know). If you think this is an emergency, "
                + "stop now and call emergency services.")) {
            prompts.println(line);
        }
        prompts.println();
    }

    /** Asks one question of the knowledge base, with its help text; false when input has ended. */
    private boolean ask(Interview interview, Question q) {
        prompts.println();
        if (q.help() != null) {
            for (String line : Report.lines("  (", "   ", q.help() + ")")) {
                prompts.println(line);
            }
        }
        return q.subject() instanceof Quantity quantity
                ? askQuantity(interview, quantity, q.text())
                : askFinding(interview, (Finding) q.subject(), q.text());
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
