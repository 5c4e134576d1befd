package org.dorsal.examples.cds;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dorsal.Dorsal;
import org.dorsal.DorsalConfigurationException;
import org.dorsal.Thresholds;
import org.dorsal.governance.Engine;
import org.dorsal.governance.EngineConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of {@link CdsServer#main}: where to listen and log, and the shadow candidate if any. */
@Command(name = "CdsServer",
        description = "Serves the Dorsal CDS Hooks service on http://127.0.0.1:PORT. Any --shadow-* option but"
                + " --shadow-queue turns shadow mode on: a candidate configuration assesses every request too,"
                + " off the live path, and GET /metrics counts where it disagrees; the answers are the live"
                + " engine's only.")
final class ServeCommand implements Callable<Integer> {
    static final int REFUSED = 2;
    static final int FAILED = 1;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The port on 127.0.0.1, 0 for any free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--feedback-log", paramLabel = "FILE", defaultValue = "dorsal-feedback.jsonl",
            description = "Clinicians' feedback is appended to FILE (default ${DEFAULT-VALUE}).")
    Path feedbackLog;

    @Option(names = "--shadow-spasm-referral-days", paramLabel = "DAYS",
            description = "Shadow candidate: refer a spasm that persists DAYS despite self-care ("
                    + Thresholds.SPASM_MIN + " to " + Thresholds.SPASM_MAX + "; default the live value).")
    Integer shadowSpasmReferralDays;

    @Option(names = "--shadow-stiffness-referral-days", paramLabel = "DAYS",
            description = "Shadow candidate: refer stiffness not improving after DAYS of self-care ("
                    + Thresholds.STIFFNESS_MIN + " to " + Thresholds.STIFFNESS_MAX + "; default the live value).")
    Integer shadowStiffnessReferralDays;

    @Option(names = "--shadow-jars", paramLabel = "JAR", split = ",",
            description = "Shadow candidate: another Dorsal, as an engine's rules-core jar and the rules-content jar"
                    + " built for it (comma-separated), loaded in a class loader of its own.")
    List<Path> shadowJars;

    @Option(names = "--shadow-queue", paramLabel = "N",
            description = "Live assessments that may wait for the candidate; beyond that they are dropped and"
                    + " counted (default " + Shadow.DEFAULT_QUEUE + ").")
    Integer shadowQueue;

    @Spec
    private CommandSpec spec;

    static int run(String[] args) {
        return new CommandLine(new ServeCommand())
                .setParameterExceptionHandler(ServeCommand::refuseOption)
                .setExecutionExceptionHandler(ServeCommand::fail)
                .execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be a number from 0 to 65535, got " + port);
        }
        int queue = queue();
        Dorsal dorsal = Dorsal.builder().build();
        // Opened before the server starts: a candidate that cannot load stops the start, not a request.
        Engine candidate = candidate(dorsal.thresholds()).map(EngineConfig::open).orElse(null);
        CdsServer server = CdsServer.start(port, feedbackLog, dorsal, candidate, queue);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("closing the feedback log failed: " + e.getMessage());
            }
        }, "cds-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Dorsal CDS Hooks service on " + server.baseUri() + "/cds-services (feedback log "
                + feedbackLog.toAbsolutePath() + "); Ctrl-C stops it");
        if (candidate != null) {
            out.println("Shadow mode: live " + EngineConfig.of(dorsal).describe() + "; candidate " + candidate.describe()
                    + (shadowJars == null ? "" : " from " + shadowJars) + "; counts on " + server.baseUri() + "/metrics");
        }
        out.flush();
        return 0;
    }

    /**
     * The candidate the options name, its thresholds defaulting to the live ones; empty when no
     * option names one.
     */
    Optional<EngineConfig> candidate(Thresholds live) {
        if (!shadowMode()) {
            return Optional.empty();
        }
        Thresholds thresholds = new Thresholds(
                shadowSpasmReferralDays == null ? live.spasmReferralDays() : shadowSpasmReferralDays,
                shadowStiffnessReferralDays == null ? live.stiffnessReferralDays() : shadowStiffnessReferralDays);
        return Optional.of(shadowJars == null ? EngineConfig.host(thresholds) : EngineConfig.jars(thresholds, shadowJars));
    }

    private boolean shadowMode() {
        return shadowSpasmReferralDays != null || shadowStiffnessReferralDays != null || shadowJars != null;
    }

    int queue() {
        if (shadowQueue == null) {
            return Shadow.DEFAULT_QUEUE;
        }
        if (!shadowMode()) {
            throw new ParameterException(spec.commandLine(), "--shadow-queue needs a candidate: --shadow-spasm-referral-days,"
                    + " --shadow-stiffness-referral-days or --shadow-jars");
        }
        if (shadowQueue < 1) {
            throw new ParameterException(spec.commandLine(), "--shadow-queue must be at least 1, got " + shadowQueue);
        }
        return shadowQueue;
    }

    /** One line, as the hand-written parser before it gave: the full usage would bury the mistake. */
    private static int refuseOption(ParameterException e, String[] args) {
        e.getCommandLine().getErr().println("CdsServer: " + e.getMessage() + " (try --help)");
        return REFUSED;
    }

    private static int fail(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof DorsalConfigurationException config) {
            cmd.getErr().println("CdsServer: configuration error: " + config.getMessage());
            return REFUSED;
        }
        if (e instanceof IOException io) {
            cmd.getErr().println("CdsServer: cannot start: " + io.getMessage());
            return FAILED;
        }
        cmd.getErr().println("CdsServer: internal error: " + e);
        e.printStackTrace(cmd.getErr());
        return FAILED;
    }
}
