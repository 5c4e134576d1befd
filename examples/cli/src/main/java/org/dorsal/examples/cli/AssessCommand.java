package org.dorsal.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dorsal.Assessment;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dorsal assess FILE}: assesses one intake JSON file, or standard input for {@code -}. */
@Command(name = "assess",
        mixinStandardHelpOptions = true,
        description = "Assess an intake JSON file (see examples/intake) and print the advice.")
final class AssessCommand implements Callable<Integer> {
    @ParentCommand
    private DorsalCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions engine;

    @Option(names = "--json", description = "Print the assessment as JSON instead of text.")
    private boolean json;

    @Parameters(paramLabel = "FILE", description = "The intake JSON file, or - to read standard input.")
    private String file;

    @Override
    public Integer call() {
        // Read and check the intake before loading the rules: a refused report costs no start-up.
        Intake intake = read();
        Assessment assessment = engine.dorsal().assess(intake);
        if (json) {
            spec.commandLine().getOut().println(DorsalJson.writeAssessment(assessment));
        } else {
            new Report(spec.commandLine().getOut()).print(assessment);
        }
        return DorsalCli.OK;
    }

    private Intake read() {
        if (file.equals("-")) {
            try {
                return DorsalJson.readIntake(cli.stdin());
            } catch (UncheckedIOException e) {
                throw new DorsalCli.Refusal("cannot read the intake from standard input: " + e.getCause().getMessage(), e);
            }
        }
        Path path = Path.of(file);
        try (InputStream in = Files.newInputStream(path)) {
            return DorsalJson.readIntake(in);
        } catch (UncheckedIOException e) {
            // DorsalJson wraps read errors, e.g. when FILE is a directory.
            throw new DorsalCli.Refusal("cannot read the intake from " + path.toAbsolutePath() + ": " + e.getCause().getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new DorsalCli.Refusal("cannot read the intake: there is no file " + path.toAbsolutePath(), e);
        } catch (AccessDeniedException e) {
            throw new DorsalCli.Refusal("cannot read the intake: permission denied for " + path.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new DorsalCli.Refusal("cannot read the intake from " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
