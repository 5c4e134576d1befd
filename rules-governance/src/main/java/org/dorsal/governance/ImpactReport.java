package org.dorsal.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.dorsal.Disposition;
import org.dorsal.Thresholds;

/**
 * What a change of content or thresholds does to one population, for the people who approve it:
 * a self-contained HTML page and a JSON summary of the same numbers. The command line, the CDS
 * service's shadow mode and the Spark job all count into an {@link ImpactTally} and hand it here,
 * so their reports are made by the same code.
 *
 * <p>It holds the transition matrix of dispositions with every downgrade (a person sent to less
 * urgent care) listed first, the share of intakes on which each rule ID fired before and after,
 * {@code provisional} changes, and for each kind of change a few example intakes shrunk with the
 * testkit's {@link org.dorsal.testkit.Shrinker} to the answers that show it. Nothing in it comes
 * from outside the page: no script, no font, no image by address; the charts are inline SVG.
 *
 * <pre>{@code
 * Engine before = EngineConfig.host(Thresholds.defaults()).open();
 * Engine after = EngineConfig.host(new Thresholds(10, 28)).open();
 * ImpactTally tally = new ImpactTally();
 * RandomIntakes intakes = RandomIntakes.seeded(1, before.thresholds());
 * for (long i = 0; i < 10_000; i++) {
 *     Intake intake = intakes.get(i);
 *     tally.add(i, intake, Comparison.of(before, after, intake));
 * }
 * ImpactReport.of(tally, before, after, "synthetic, 10000 intakes, seed 1").write(Path.of("impact"));
 * }</pre>
 *
 * <p>The JSON fields are described in {@code docs/impact/README.md}.
 */
public final class ImpactReport {
    /** The dispositions in matrix order, most urgent first. */
    static final List<Disposition> ORDER = List.of(Disposition.values());

    private final String population;
    private final EngineSummary before;
    private final EngineSummary after;
    private final long intakes;
    private final long badLines;
    private final long agreements;
    private final long[][] transitions;
    private final long[][] provisional;
    private final List<RuleRate> rules;
    private final List<KindSection> kinds;

    /** One configuration, as the report names it. */
    record EngineSummary(String contentVersion, Thresholds thresholds, String description) {
        static EngineSummary of(Engine engine) {
            return new EngineSummary(engine.contentVersion(), engine.thresholds(), engine.describe());
        }
    }

    /** How often one rule ID fired, before and after, per intake. */
    record RuleRate(String id, String name, long firesBefore, long firesAfter, double rateBefore, double rateAfter) {
        double delta() {
            return rateAfter - rateBefore;
        }
    }

    /** One kind of change: how many intakes show it, and its shrunk examples. */
    record KindSection(ChangeKind kind, String plain, long count, List<ShrunkExample> examples) {
    }

    /** A count of intakes that went from one disposition to a less urgent one. */
    record Downgrade(Disposition from, Disposition to, long count) {
    }

    private ImpactReport(ImpactTally tally, Engine before, Engine after, String population) {
        this.population = population;
        this.before = EngineSummary.of(before);
        this.after = EngineSummary.of(after);
        this.intakes = tally.intakes();
        this.badLines = tally.badLines();
        this.agreements = tally.agreements();
        this.transitions = new long[ORDER.size()][ORDER.size()];
        for (Disposition from : ORDER) {
            for (Disposition to : ORDER) {
                transitions[from.ordinal()][to.ordinal()] = tally.transitions(from, to);
            }
        }
        this.provisional = new long[][] {
                {tally.provisional(false, false), tally.provisional(false, true)},
                {tally.provisional(true, false), tally.provisional(true, true)}};
        Map<String, String> names = RuleNames.of(before, after);
        this.rules = rates(tally, names);
        this.kinds = kinds(tally, new ExampleShrinker(before, after), names);
    }

    /**
     * The report of {@code tally}, whose intakes {@code before} and {@code after} assessed. The
     * examples the tally kept are re-assessed and shrunk here with both engines, so they must be the
     * engines that made the tally.
     *
     * @param tally what both configurations did to the population
     * @param before the configuration in use
     * @param after the candidate
     * @param population what the intakes were, in a few words: "synthetic, 100000 intakes, seed 1",
     *                   or a file name
     * @return the report, with every number computed and every example shrunk
     */
    public static ImpactReport of(ImpactTally tally, Engine before, Engine after, String population) {
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(population, "population");
        return new ImpactReport(tally, before, after, population);
    }

    private List<RuleRate> rates(ImpactTally tally, Map<String, String> names) {
        TreeSet<String> ids = new TreeSet<>(tally.firesBefore().keySet());
        ids.addAll(tally.firesAfter().keySet());
        List<RuleRate> out = new ArrayList<>();
        for (String id : ids) {
            long b = tally.firesBefore().getOrDefault(id, 0L);
            long a = tally.firesAfter().getOrDefault(id, 0L);
            out.add(new RuleRate(id, names.get(id), b, a, share(b), share(a)));
        }
        // Largest change first; among equal changes, by ID, so the order never depends on a map.
        out.sort(Comparator.comparingDouble((RuleRate r) -> -Math.abs(r.delta())).thenComparing(RuleRate::id));
        return List.copyOf(out);
    }

    private static List<KindSection> kinds(ImpactTally tally, ExampleShrinker shrinker, Map<String, String> names) {
        Map<ChangeKind, Long> counts = new LinkedHashMap<>();
        tally.kinds().forEach((key, n) -> counts.put(ChangeKind.parse(key), n));
        Map<String, List<ImpactTally.Example>> examples = tally.examples();
        return counts.entrySet().stream().sorted(ChangeKind.IMPORTANCE)
                .map(e -> new KindSection(e.getKey(), e.getKey().plain(names), e.getValue(),
                        shrinker.shrink(e.getKey().key(), examples.getOrDefault(e.getKey().key(), List.of()))))
                .toList();
    }

    /** {@code count} as a share of all intakes assessed, 0 when there were none. */
    double share(long count) {
        return intakes == 0 ? 0 : (double) count / intakes;
    }

    /** The JSON summary: every number of the report, with stable field names. */
    public String json() {
        return ReportJson.write(this);
    }

    /** The report as one self-contained HTML page: inline CSS and SVG, nothing fetched. */
    public String html() {
        return ReportHtml.write(this);
    }

    /**
     * Writes {@code impact.json} and {@code impact.html} (UTF-8) into {@code directory}, creating it
     * when needed, and replacing files of those names.
     *
     * @throws UncheckedIOException when the directory or a file cannot be written
     */
    public void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("impact.json"), json(), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("impact.html"), html(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the impact report to " + directory, e);
        }
    }

    String population() {
        return population;
    }

    EngineSummary before() {
        return before;
    }

    EngineSummary after() {
        return after;
    }

    long intakes() {
        return intakes;
    }

    long badLines() {
        return badLines;
    }

    long agreements() {
        return agreements;
    }

    long changed() {
        return intakes - agreements;
    }

    long transitions(Disposition from, Disposition to) {
        return transitions[from.ordinal()][to.ordinal()];
    }

    long provisional(boolean before, boolean after) {
        return provisional[before ? 1 : 0][after ? 1 : 0];
    }

    /**
     * Every from → to pair with at least one intake sent to less urgent care: the most urgent "from"
     * first, and from each, the largest drop first.
     */
    List<Downgrade> downgrades() {
        List<Disposition> leastUrgentFirst = new ArrayList<>(ORDER);
        Collections.reverse(leastUrgentFirst);
        List<Downgrade> out = new ArrayList<>();
        for (Disposition from : ORDER) {
            for (Disposition to : leastUrgentFirst) {
                if (from.isMoreUrgentThan(to) && transitions(from, to) > 0) {
                    out.add(new Downgrade(from, to, transitions(from, to)));
                }
            }
        }
        return out;
    }

    long downgraded() {
        return downgrades().stream().mapToLong(Downgrade::count).sum();
    }

    List<RuleRate> rules() {
        return rules;
    }

    List<KindSection> kinds() {
        return kinds;
    }
}
