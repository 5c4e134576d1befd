package org.dorsal.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.dorsal.Thresholds;
import org.dorsal.governance.EngineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dorsal-spark batch}: assesses every line of a population, as the command line's batch does. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Assess every line of a population: one output line per input line, in input order.",
                "NDJSON output is a directory of part files whose concatenation is the command line's batch output."})
final class BatchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private InputOptions input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Output directory; must not exist.")
    private String output;

    @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "ndjson",
            description = "ndjson or parquet (columns line, id, assessment, error.field, error.message); default ${DEFAULT-VALUE}.")
    private Format outputFormat;

    @Option(names = "--spasm-referral-days", paramLabel = "DAYS",
            description = "Refer a spasm that persists this many days despite self-care ("
                    + Thresholds.SPASM_MIN + " to " + Thresholds.SPASM_MAX + ", default " + Thresholds.SPASM_MIN + ").")
    private Integer spasmReferralDays;

    @Option(names = "--stiffness-referral-days", paramLabel = "DAYS",
            description = "Refer stiffness not improving after this many days of self-care ("
                    + Thresholds.STIFFNESS_MIN + " to " + Thresholds.STIFFNESS_MAX + ", default " + Thresholds.STIFFNESS_MIN + ").")
    private Integer stiffnessReferralDays;

    @Override
    public Integer call() {
        // Checked here, on the driver: a bad threshold is refused before any executor starts.
        EngineConfig config = ThresholdOptions.config(spasmReferralDays, stiffnessReferralDays, null);
        SparkSession spark = DorsalSparkJob.session("dorsal batch");
        requireNew(spark, output);
        JavaRDD<NumberedLine> lines = input.read(spark);
        SparkBatch.write(spark, lines, config, outputFormat, output);
        PrintWriter err = spec.commandLine().getErr();
        err.println("dorsal-spark batch: " + String.join(" ", input.paths) + " -> " + output + " ("
                + outputFormat.name().toLowerCase(java.util.Locale.ROOT) + ", " + config.thresholds() + ")");
        return DorsalSparkJob.OK;
    }

    /** Refused before any work: Spark would only find out when the first task writes. */
    private static void requireNew(SparkSession spark, String output) {
        Path path = new Path(output);
        try {
            if (path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
                throw new IllegalArgumentException("the output " + output + " exists; give a new directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the output " + output + " could not be checked: " + e.getMessage(), e);
        }
    }
}
