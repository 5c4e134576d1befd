package org.dorsal.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dorsal.Dorsal;
import org.dorsal.Thresholds;
import org.dorsal.governance.Engine;
import org.dorsal.governance.EngineConfig;
import org.dorsal.governance.Impact;
import org.dorsal.governance.ImpactTally;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dorsal impact}: what a change of thresholds or of content would do to a population, before
 * it reaches anyone. The configuration in use is given by the usual options (and {@code --jars} for
 * another content version); the candidate by the {@code --versus-} ones, each defaulting to its
 * counterpart.
 */
@Command(name = "impact",
        mixinStandardHelpOptions = true,
        description = {"Compare two configurations over the same population, before a change reaches anyone.",
                "",
                "The population is NDJSON, read as batch reads it. The two configurations differ in their thresholds"
                        + " (within their ranges), in their content (a rules-core jar and the rules-content jar built"
                        + " for it, loaded side by side in class loaders of their own), or both. Before is given by the"
                        + " usual options (this build's content with the default thresholds when none is given); after"
                        + " by the --versus- ones, each defaulting to its before counterpart.",
                "Prints a summary, less urgent care first, and writes the report to --out.",
                ""},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done",
                "3:done, but some lines were refused (counted in the report, not compared)",
                "2:nothing was done: an option, a threshold, a jar or a file was refused, or the two configurations"
                        + " are the same",
                "1:stopped part-way; nothing was written"})
final class ImpactCommand implements Callable<Integer> {
    @ParentCommand
    private DorsalCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions engine;

    @Mixin
    private BatchCommand.RunOptions run;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "-", description = "The population, NDJSON, or - for standard input (the default).")
    private String file;

    @Option(names = "--jars", split = ",", paramLabel = "JAR",
            description = "Before: a rules-core jar and the rules-content jar built for it, instead of this build's content.")
    private List<Path> jars;

    @Option(names = "--versus-spasm-referral-days", paramLabel = "DAYS", description = "After: the spasm threshold.")
    private Integer versusSpasmReferralDays;

    @Option(names = "--versus-stiffness-referral-days", paramLabel = "DAYS", description = "After: the stiffness threshold.")
    private Integer versusStiffnessReferralDays;

    @Option(names = "--versus-jars", split = ",", paramLabel = "JAR", description = "After: the rules-core and rules-content jars.")
    private List<Path> versusJars;

    @Option(names = "--versus-own-content",
            description = "After: this build's own content, when --jars gives before another (e.g. 1.0.0 before, this build after).")
    private boolean versusOwnContent;

    @Option(names = "--population", paramLabel = "TEXT",
            description = "How the report names the population, e.g. the command that made it (default: the file and its line counts).")
    private String populationName;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "impact-report",
            description = "Where to write the report (default ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() {
        int threads = run.threads(spec);
        EngineConfig before = config(engine.thresholds(), jars);
        Thresholds versus = new Thresholds(
                versusSpasmReferralDays != null ? versusSpasmReferralDays : before.spasmReferralDays(),
                versusStiffnessReferralDays != null ? versusStiffnessReferralDays : before.stiffnessReferralDays());
        if (versusOwnContent && versusJars != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--versus-jars and --versus-own-content exclude each other");
        }
        EngineConfig after = config(versus, versusOwnContent ? null : versusJars != null ? versusJars : jars);
        if (before.equals(after)) {
            throw new DorsalCli.Refusal("the two configurations are the same (" + describe(before)
                    + "); give a --versus- option that differs", null);
        }
        InputStream in = Streams.input(file, cli);
        directory();
        engine.logLevel();
        Opened engines = Opened.of(before, after);
        ImpactTally tally;
        try (Progress progress = run.progress(cli, "Comparing", file)) {
            tally = Impact.of(engines.before, engines.after).threads(threads).progress(progress).run(in, engines.reading);
        } catch (IOException e) {
            throw new DorsalCli.Stopped("impact stopped: " + e.getMessage() + "; nothing was written", e);
        }
        String population = String.format(Locale.ROOT, "%s: %,d lines, %,d refused",
                populationName != null ? populationName : file.equals("-") ? "standard input" : file,
                tally.intakes() + tally.badLines(), tally.badLines());
        List<Path> written = ImpactOutput.write(tally, engines.before, engines.after, population, out);
        ImpactOutput.summary(tally, engines.before, engines.after, population, written, spec.commandLine().getOut());
        return tally.badLines() == 0 ? DorsalCli.OK : DorsalCli.SOME_LINES_REFUSED;
    }

    private static EngineConfig config(Thresholds thresholds, List<Path> jars) {
        return jars == null || jars.isEmpty() ? EngineConfig.host(thresholds) : EngineConfig.jars(thresholds, jars);
    }

    private static String describe(EngineConfig c) {
        return (c.jars().isEmpty() ? "this build's content" : "jars " + String.join(", ", c.jars()))
                + ", spasm " + c.spasmReferralDays() + " d, stiffness " + c.stiffnessReferralDays() + " d";
    }

    private void directory() {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new DorsalCli.Refusal("cannot write the report to " + out.toAbsolutePath() + ": " + e, e);
        }
    }

    /**
     * The two engines, and a facade to read FHIR lines with: the host's own when either side runs
     * on it, so that its knowledge base is built once.
     */
    private record Opened(Engine before, Engine after, Dorsal reading) {
        static Opened of(EngineConfig before, EngineConfig after) {
            Dorsal[] host = {null};
            Engine b = open(before, host);
            Engine a = open(after, host);
            return new Opened(b, a, host[0] != null ? host[0] : Dorsal.builder().build());
        }

        private static Engine open(EngineConfig config, Dorsal[] host) {
            if (!config.jars().isEmpty()) {
                return config.open();
            }
            Dorsal dorsal = Dorsal.builder().thresholds(config.thresholds()).build();
            if (host[0] == null) {
                host[0] = dorsal;
            }
            return EngineConfig.of(dorsal);
        }
    }
}
