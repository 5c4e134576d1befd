package org.dorsal.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dorsal.Disposition;
import org.dorsal.governance.Engine;
import org.dorsal.governance.ImpactTally;

/** What {@code dorsal impact} leaves behind: the files in its directory, and a summary in text. */
final class ImpactOutput {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ImpactOutput() {
    }

    /** Writes the tally into {@code dir} and returns the files written. */
    static List<Path> write(ImpactTally tally, Engine before, Engine after, String population, Path dir) {
        Path file = dir.resolve("impact-tally.json");
        try {
            Files.writeString(file, JSON.writeValueAsString(tallyJson(tally, before, after, population)) + "\n");
        } catch (IOException e) {
            throw new DorsalCli.Stopped("cannot write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return List.of(file);
    }

    private static ObjectNode tallyJson(ImpactTally tally, Engine before, Engine after, String population) {
        ObjectNode root = JSON.createObjectNode();
        root.put("population", population);
        root.set("before", engine(before));
        root.set("after", engine(after));
        root.put("intakes", tally.intakes());
        root.put("badLines", tally.badLines());
        root.put("agreements", tally.agreements());
        ArrayNode transitions = root.putArray("transitions");
        for (Disposition from : Disposition.values()) {
            for (Disposition to : Disposition.values()) {
                if (tally.transitions(from, to) > 0) {
                    transitions.addObject().put("from", from.name()).put("to", to.name()).put("intakes", tally.transitions(from, to));
                }
            }
        }
        ArrayNode provisional = root.putArray("provisional");
        for (boolean b : new boolean[] {false, true}) {
            for (boolean a : new boolean[] {false, true}) {
                provisional.addObject().put("before", b).put("after", a).put("intakes", tally.provisional(b, a));
            }
        }
        tally.kinds().forEach(root.putObject("kinds")::put);
        tally.firesBefore().forEach(root.putObject("firesBefore")::put);
        tally.firesAfter().forEach(root.putObject("firesAfter")::put);
        ObjectNode examples = root.putObject("examples");
        tally.examples().forEach((kind, list) -> {
            ArrayNode a = examples.putArray(kind);
            list.forEach(e -> {
                try {
                    a.addObject().put("key", e.key()).set("intake", JSON.readTree(e.intakeJson()));
                } catch (IOException bad) {
                    throw new IllegalStateException("an example intake is not JSON", bad);
                }
            });
        });
        return root;
    }

    private static ObjectNode engine(Engine engine) {
        ObjectNode node = JSON.createObjectNode();
        node.put("description", engine.describe());
        node.put("contentVersion", engine.contentVersion());
        node.put("spasmReferralDays", engine.thresholds().spasmReferralDays());
        node.put("stiffnessReferralDays", engine.thresholds().stiffnessReferralDays());
        return node;
    }

    /**
     * The summary: totals, then the disposition changes, less urgent care first (the ones to review
     * first), then the other kinds of change, most frequent first; then where the files are.
     */
    static void summary(ImpactTally tally, Engine before, Engine after, String population, List<Path> written, PrintWriter out) {
        out.println("Impact of a change, over " + population);
        out.println("  before: " + before.describe());
        out.println("  after:  " + after.describe());
        out.printf(Locale.ROOT, "  intakes compared: %,d; the same on everything: %,d (%s)%n",
                tally.intakes(), tally.agreements(), percent(tally.agreements(), tally.intakes()));
        if (tally.badLines() > 0) {
            out.printf(Locale.ROOT, "  lines refused (not compared): %,d%n", tally.badLines());
        }
        List<String[]> moves = new ArrayList<>();
        for (Disposition from : Disposition.values()) {
            for (Disposition to : Disposition.values()) {
                long n = tally.transitions(from, to);
                if (from != to && n > 0) {
                    moves.add(new String[] {from + " -> " + to, Long.toString(n),
                            from.isMoreUrgentThan(to) ? "less urgent care" : "more urgent care"});
                }
            }
        }
        moves.sort(Comparator.<String[], Boolean>comparing(m -> !m[2].startsWith("less"))
                .thenComparing(m -> -Long.parseLong(m[1])));
        out.println(moves.isEmpty() ? "  dispositions: no change" : "  dispositions that change (less urgent care first):");
        moves.forEach(m -> out.printf(Locale.ROOT, "    %-26s %,10d  %s%n", m[0], Long.parseLong(m[1]), m[2]));
        List<Map.Entry<String, Long>> others = tally.kinds().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("disposition "))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        out.println(others.isEmpty() ? "  rules and provisional: no change" : "  rules and provisional that change:");
        others.forEach(e -> out.printf(Locale.ROOT, "    %-40s %,10d%n", e.getKey(), e.getValue()));
        written.forEach(p -> out.println("Written: " + p));
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * part / whole);
    }
}
