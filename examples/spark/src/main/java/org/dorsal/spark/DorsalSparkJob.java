package org.dorsal.spark;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.dorsal.DorsalConfigurationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Dorsal's batch and impact jobs on Apache Spark.
 *
 * <pre>{@code
 * dorsal-spark batch  intakes.ndjson --output assessed/
 * dorsal-spark impact intakes.ndjson --after-spasm-referral-days 10
 * spark-submit --class org.dorsal.spark.DorsalSparkJob --jars ... dorsal-spark.jar batch hdfs:///intakes/ --output hdfs:///assessed/
 * }</pre>
 *
 * <p>Spark runs in this JVM on every core ({@code local[*]}) unless {@code spark.master} is set, as
 * spark-submit sets it. Exit status: 0 when the job ran; 2 when an option, a threshold or the input
 * was refused (the message is on stderr); 1 on any other failure.
 */
@Command(name = "dorsal-spark",
        mixinStandardHelpOptions = true,
        version = "dorsal-spark 2.0.0",
        description = "Dorsal's batch assessment and impact of a change, on Apache Spark. Not a diagnosis.",
        subcommands = {BatchCommand.class, ImpactCommand.class, CommandLine.HelpCommand.class})
public final class DorsalSparkJob implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int REFUSED = 2;
    /** Where a job runs when nothing else says so: here, on every core. */
    static final String DEFAULT_MASTER = "local[*]";

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out, System.err);
        } finally {
            SparkSession.getDefaultSession().foreach(session -> {
                session.stop();
                return null;
            });
        }
        System.exit(status);
    }

    /** Runs one command line and returns its exit status; a Spark session already open in this JVM is used. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter stdout = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter stderr = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return new CommandLine(new DorsalSparkJob())
                    .setCaseInsensitiveEnumValuesAllowed(true)
                    .setOut(stdout)
                    .setErr(stderr)
                    .setExecutionExceptionHandler(DorsalSparkJob::failed)
                    .execute(args);
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }

    /** A bare {@code dorsal-spark} is a usage mistake: say what the commands are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return REFUSED;
    }

    /** The session this JVM already has, or a new one: on every local core unless {@code spark.master} is set. */
    static SparkSession session(String appName) {
        scala.Option<SparkSession> open = SparkSession.getDefaultSession();
        if (open.isDefined()) {
            return open.get();
        }
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (!new SparkConf().contains("spark.master")) {
            builder.master(DEFAULT_MASTER);
        }
        return builder.getOrCreate();
    }

    private static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof DorsalConfigurationException || e instanceof IllegalArgumentException) {
            err.println("dorsal-spark: " + e.getMessage());
            return REFUSED;
        }
        // A task's failure arrives wrapped by Spark; its root cause is what a person can act on.
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        err.println("dorsal-spark: the job failed: " + root);
        return FAILED;
    }
}
