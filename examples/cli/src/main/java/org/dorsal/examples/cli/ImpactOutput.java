package org.dorsal.examples.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dorsal.Disposition;
import org.dorsal.governance.Engine;
import org.dorsal.governance.ImpactReport;
import org.dorsal.governance.ImpactTally;

/** What {@code dorsal impact} leaves behind: the files in its directory, and a summary in text. */
final class ImpactOutput {
    private ImpactOutput() {
    }

    /**
     * Writes the impact report (impact.html and impact.json) into {@code dir}, the same report the
     * Spark job writes, and returns the files written.
     */
    static List<Path> write(ImpactTally tally, Engine before, Engine after, String population, Path dir) {
        try {
            ImpactReport.of(tally, before, after, population).write(dir);
        } catch (UncheckedIOException e) {
            throw new DorsalCli.Stopped("cannot write the report into " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return List.of(dir.resolve("impact.html"), dir.resolve("impact.json"));
    }

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
