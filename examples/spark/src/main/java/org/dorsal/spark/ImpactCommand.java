package org.dorsal.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.dorsal.Disposition;
import org.dorsal.governance.EngineConfig;
import org.dorsal.governance.ImpactReport;
import org.dorsal.governance.ImpactTally;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dorsal-spark impact}: what a change of content or thresholds does to a population. */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = "Assess a population with the configuration in use (before) and a candidate (after), and count what changes.")
final class ImpactCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private InputOptions input;

    @Option(names = "--before-spasm-referral-days", paramLabel = "DAYS", description = "Before: spasm threshold (default 7).")
    private Integer beforeSpasm;

    @Option(names = "--before-stiffness-referral-days", paramLabel = "DAYS", description = "Before: stiffness threshold (default 14).")
    private Integer beforeStiffness;

    @Option(names = "--before-jars", paramLabel = "JAR", split = ",",
            description = "Before: a Dorsal engine's rules-core jar and its rules-content jar, loaded apart (default: this job's own). "
                    + "Each path must exist on every executor.")
    private List<String> beforeJars;

    @Option(names = "--after-spasm-referral-days", paramLabel = "DAYS", description = "After: spasm threshold (default 7).")
    private Integer afterSpasm;

    @Option(names = "--after-stiffness-referral-days", paramLabel = "DAYS", description = "After: stiffness threshold (default 14).")
    private Integer afterStiffness;

    @Option(names = "--after-jars", paramLabel = "JAR", split = ",",
            description = "After: as --before-jars.")
    private List<String> afterJars;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "impact-report",
            description = "Directory of the report (impact.html, impact.json), on the driver (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() {
        EngineConfig before = ThresholdOptions.config(beforeSpasm, beforeStiffness, beforeJars);
        EngineConfig after = ThresholdOptions.config(afterSpasm, afterStiffness, afterJars);
        // Opened on the driver first: a configuration that cannot work is refused before any task runs.
        PerJvm.engine(before);
        PerJvm.engine(after);
        SparkSession spark = DorsalSparkJob.session("dorsal impact");
        ImpactTally tally = SparkImpact.tally(input.read(spark), before, after);
        summarise(tally, spec.commandLine().getOut());
        // The report is made on the driver by the very code the command line uses.
        ImpactReport.of(tally, PerJvm.engine(before), PerJvm.engine(after), String.join(", ", input.paths)).write(out);
        spec.commandLine().getOut().println("Written: " + out.resolve("impact.html") + ", " + out.resolve("impact.json"));
        return DorsalSparkJob.OK;
    }

    private static void summarise(ImpactTally tally, PrintWriter out) {
        out.println("intakes " + tally.intakes() + ", bad lines " + tally.badLines() + ", agreements " + tally.agreements());
        for (Disposition from : Disposition.values()) {
            for (Disposition to : Disposition.values()) {
                long n = tally.transitions(from, to);
                if (n > 0 && from != to) {
                    out.println("  " + from + " -> " + to + ": " + n);
                }
            }
        }
        tally.kinds().forEach((kind, n) -> out.println("  " + kind + ": " + n));
    }
}
