package org.dorsal.examples.cds;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
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

/**
 * The options of {@link CdsServer#main}: a configuration file, and options that override it (where
 * to listen and log, TLS, the audience, the workers, the shadow candidate if any).
 */
@Command(name = "CdsServer",
        description = "Serves the Dorsal CDS Hooks service, by default on http://127.0.0.1:8080 without client"
                + " authentication (a developer's machine). --config FILE (JSON or YAML) sets trusted EHRs, TLS and"
                + " the rest; the options below override it. Any --shadow-* option but --shadow-queue turns shadow"
                + " mode on: a candidate configuration assesses every request too, off the live path, and GET"
                + " /metrics counts where it disagrees; the answers are the live engine's only.")
final class ServeCommand implements Callable<Integer> {
    static final int REFUSED = 2;
    static final int FAILED = 1;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration: JSON, or YAML when FILE ends in .yaml or .yml (see docs/integration.md).")
    Path config;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "The address to listen on (default 127.0.0.1). Any other than loopback needs trustedIssuers.")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The port, 0 for any free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--feedback-log", paramLabel = "FILE", defaultValue = "dorsal-feedback.jsonl",
            description = "Clinicians' feedback is appended to FILE (default ${DEFAULT-VALUE}).")
    Path feedbackLog;

    @Option(names = "--audience", paramLabel = "URL",
            description = "The service's public base URL: a token's aud must be URL plus the path called"
                    + " (default the URL the server listens on).")
    URI audience;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "Serve HTTPS with this PKCS#12 keystore.")
    Path tlsKeystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE", description = "The keystore's password, on the first line of FILE.")
    Path tlsPasswordFile;

    @Option(names = "--workers", paramLabel = "N", description = "Threads answering requests.")
    Integer workers;

    @Option(names = "--queue", paramLabel = "N", description = "Requests that may wait for a worker; past them, 503.")
    Integer queue;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS", description = "How long a stop waits for requests in flight.")
    Integer shutdownGrace;

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
        ServiceConfig settings = settings().requireSecure();
        queue();
        Dorsal dorsal = Dorsal.builder().build();
        // Opened before the server starts: a candidate that cannot load stops the start, not a request.
        Engine candidate = candidate(dorsal.thresholds()).map(EngineConfig::open).orElse(null);
        CdsServer server = CdsServer.start(settings, dorsal, candidate);
        // SIGTERM and Ctrl-C: stop accepting, finish what is in flight, close the feedback log.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("closing the feedback log failed: " + e.getMessage());
            }
        }, "cds-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Dorsal CDS Hooks service on " + server.baseUri() + "/cds-services (feedback log "
                + settings.feedbackLog().toAbsolutePath() + "); Ctrl-C stops it");
        if (!settings.clientAuth()) {
            out.println("CLIENT AUTHENTICATION IS OFF: no trusted issuers configured; any caller on this machine is answered.");
        }
        if (candidate != null) {
            out.println("Shadow mode: live " + EngineConfig.of(dorsal).describe() + "; candidate " + candidate.describe()
                    + (settings.shadow().jars() == null ? "" : " from " + settings.shadow().jars()) + "; counts on "
                    + server.baseUri() + "/metrics");
        }
        out.flush();
        return 0;
    }

    /** The configuration file's settings (or the defaults), with every option given on the command line over them. */
    ServiceConfig settings() {
        ServiceConfig c = config == null ? ServiceConfig.defaults() : ServiceConfig.load(config);
        if (given("--bind")) {
            c = c.withBind(bind);
        }
        if (given("--port")) {
            if (port < 0 || port > 65_535) {
                throw new ParameterException(spec.commandLine(), "--port must be a number from 0 to 65535, got " + port);
            }
            c = c.withPort(port);
        }
        if (given("--feedback-log")) {
            c = c.withFeedbackLog(feedbackLog);
        }
        if (given("--audience")) {
            c = c.withAudience(audience);
        }
        if (tlsKeystore != null || tlsPasswordFile != null) {
            ServiceConfig.Tls tls = c.tls();
            c = c.withTls(new ServiceConfig.Tls(tlsKeystore != null ? tlsKeystore : tls == null ? null : tls.keystore(),
                    tlsPasswordFile != null ? tlsPasswordFile : tls == null ? null : tls.passwordFile()));
        }
        if (workers != null || queue != null) {
            c = c.withWorkers(workers != null ? workers : c.workers(), queue != null ? queue : c.queue());
        }
        if (shutdownGrace != null) {
            c = c.withShutdownGraceSeconds(shutdownGrace);
        }
        ServiceConfig.ShadowSettings file = c.shadow();
        if (shadowSpasmReferralDays != null || shadowStiffnessReferralDays != null || shadowJars != null || shadowQueue != null) {
            c = c.withShadow(new ServiceConfig.ShadowSettings(
                    shadowSpasmReferralDays != null ? shadowSpasmReferralDays : file == null ? null : file.spasmReferralDays(),
                    shadowStiffnessReferralDays != null ? shadowStiffnessReferralDays : file == null ? null : file.stiffnessReferralDays(),
                    shadowJars != null ? shadowJars : file == null ? null : file.jars(),
                    shadowQueue != null ? shadowQueue : file == null ? null : file.queue()));
        }
        return c;
    }

    private boolean given(String option) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    /**
     * The candidate the options name, its thresholds defaulting to the live ones; empty when no
     * option names one.
     */
    Optional<EngineConfig> candidate(Thresholds live) {
        ServiceConfig.ShadowSettings shadow = settings().shadow();
        if (!shadowMode(shadow)) {
            return Optional.empty();
        }
        Thresholds thresholds = new Thresholds(
                shadow.spasmReferralDays() == null ? live.spasmReferralDays() : shadow.spasmReferralDays(),
                shadow.stiffnessReferralDays() == null ? live.stiffnessReferralDays() : shadow.stiffnessReferralDays());
        return Optional.of(shadow.jars() == null ? EngineConfig.host(thresholds) : EngineConfig.jars(thresholds, shadow.jars()));
    }

    private static boolean shadowMode(ServiceConfig.ShadowSettings shadow) {
        return shadow != null && (shadow.spasmReferralDays() != null || shadow.stiffnessReferralDays() != null || shadow.jars() != null);
    }

    int queue() {
        ServiceConfig.ShadowSettings shadow = settings().shadow();
        Integer shadowQueue = shadow == null ? null : shadow.queue();
        if (shadowQueue == null) {
            return Shadow.DEFAULT_QUEUE;
        }
        if (!shadowMode(shadow)) {
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
