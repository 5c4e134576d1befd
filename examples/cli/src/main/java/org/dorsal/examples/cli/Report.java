package org.dorsal.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Question;
import org.dorsal.Recommendation;
import org.dorsal.RedFlag;

/**
 * Prints an assessment for the person it is about, who may be in pain and frightened: what to do
 * comes first and stands out, then why, then how, then what is still open. Rule IDs and sources
 * stay on every item so that a clinician reading over a shoulder can check them.
 */
final class Report {
    static final int WIDTH = 76;
    private static final String RULE = "=".repeat(WIDTH);
    private static final String INDENT = "     ";

    private final PrintWriter out;

    Report(PrintWriter out) {
        this.out = out;
    }

    /** The banner line for a disposition, e.g. {@code EMERGENCY — seek emergency care now}. */
    static String headline(Disposition d) {
        return d.name().replace('_', '-') + " — " + d.text();
    }

    void print(Assessment a) {
        out.println(RULE);
        wrap("  ", "  ", headline(a.disposition()));
        out.println(RULE);
        if (a.provisional()) {
            out.println();
            wrap("", "", provisionalNote(a));
        }
        redFlags(a);
        advice(a.recommendations());
        questions(a.questions());
        sources(a);
        out.println();
        wrap("", "", "Dorsal gives decision support, not a diagnosis: if you are worried or feel worse, contact a clinician.");
        out.println("(disposition " + a.disposition() + ", knowledge base " + a.contentVersion() + ")");
        out.flush();
    }

    private static String provisionalNote(Assessment a) {
        long open = a.questions().stream().filter(Question::redFlag).count();
        String count = open == 1 ? "1 warning-sign question is" : open + " warning-sign questions are";
        if (a.disposition() == Disposition.EMERGENCY) {
            return "PROVISIONAL: " + count + " still unanswered, but nothing can make this less urgent. Act on it now.";
        }
        return "PROVISIONAL: " + count + " still unanswered (see \"Still open\" below). Until they are answered, "
                + "treat this as the least care you need: the answers can make it more urgent, never less.";
    }

    private void redFlags(Assessment a) {
        if (a.redFlags().isEmpty()) {
            // Saying so calms; saying it of unanswered questions would mislead.
            out.println();
            out.println(a.provisional() ? "No warning signs among the questions answered so far." : "No warning signs reported.");
            return;
        }
        heading("Warning signs found");
        for (RedFlag r : a.redFlags()) {
            out.println("  ! " + r.id() + " (" + r.disposition() + ")");
            wrap(INDENT, INDENT, r.reason());
        }
    }

    private void advice(List<Recommendation> recommendations) {
        if (recommendations.isEmpty()) {
            return;
        }
        heading("What to do");
        int n = 0;
        for (Recommendation r : recommendations) {
            String number = String.format("%2d. ", ++n);
            out.println(" " + number + "[" + r.kind() + "] " + r.id());
            wrap(INDENT, INDENT, r.text());
            if (r.dose() != null) {
                wrap(INDENT, INDENT + "  ", "How much: " + r.dose());
            }
        }
    }

    private void questions(List<Question> questions) {
        if (questions.isEmpty()) {
            return;
        }
        heading("Still open");
        wrap("  ", "  ", "Answers to these could still change the result. Warning signs come first.");
        for (Question q : questions) {
            out.println("  ? " + q.subject().key() + (q.redFlag() ? " (warning sign)" : ""));
            wrap(INDENT, INDENT, q.text() + (q.changesOnlyAdvice() ? " (This could change the advice.)"
                    : " (This could lead to " + q.couldLeadTo() + ".)"));
        }
    }

    private void sources(Assessment a) {
        Set<String> cited = new LinkedHashSet<>();
        // A rule may cite several sections at once, separated by "; ".
        a.redFlags().forEach(r -> split(r.source(), cited));
        a.recommendations().forEach(r -> split(r.source(), cited));
        if (cited.isEmpty()) {
            return;
        }
        heading("Sources");
        for (String s : cited) {
            wrap("  - ", "    ", s.equals("policy") ? "policy (a rule Dorsal sets where the sources are silent)" : s);
        }
    }

    private static void split(String source, Set<String> into) {
        for (String part : source.split(";")) {
            if (!part.isBlank()) {
                into.add(part.strip());
            }
        }
    }

    private void heading(String title) {
        out.println();
        out.println(title);
    }

    /** Prints {@code text} wrapped to {@link #WIDTH}, the first line after {@code first}, the rest after {@code rest}. */
    private void wrap(String first, String rest, String text) {
        for (String line : lines(first, rest, text)) {
            out.println(line);
        }
    }

    static List<String> lines(String first, String rest, String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int empty = first.length();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > empty && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                empty = rest.length();
            }
            if (line.length() > empty) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
