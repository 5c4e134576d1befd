package org.dorsal.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.dorsal.Dorsal;
import org.dorsal.governance.Batch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dorsal batch FILE}: assesses every line of an NDJSON file, on every core. */
@Command(name = "batch",
        mixinStandardHelpOptions = true,
        description = {"Assess every line of an NDJSON file, on every core.",
                "",
                "A line is an intake in the JSON contract, with an optional \"id\", or a FHIR R4 QuestionnaireResponse"
                        + " (as in FHIR Bulk Data). There is one output line per input line, in the same order:",
                "  {\"line\":3,\"id\":\"p-17\",\"assessment\":{...}}",
                "  {\"line\":4,\"error\":{\"field\":\"findings.FEVER\",\"message\":\"...\"}}",
                "A bad line is refused on its own output line and the rest go on. The counts go to stderr,"
                        + " with a progress bar when stderr is a terminal.",
                ""},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every line was assessed",
                "3:some lines were refused; the output is complete, with an error line for each",
                "2:nothing was done: an option, a threshold or a file was refused",
                "1:stopped part-way (e.g. the output was closed); the output is incomplete"})
final class BatchCommand implements Callable<Integer> {
    @ParentCommand
    private DorsalCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions engine;

    @Mixin
    private RunOptions run;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "-", description = "The NDJSON input, or - for standard input (the default).")
    private String file;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the output lines to FILE instead of standard output.")
    private String out;

    @Override
    public Integer call() {
        int threads = run.threads(spec);
        InputStream in = Streams.input(file, cli);
        OutputStream output = Streams.output(out, file, cli);
        Dorsal dorsal = engine.dorsal();
        PrintWriter err = spec.commandLine().getErr();
        Batch.Summary summary;
        try (Progress progress = run.progress(cli, "Assessing", file)) {
            summary = Batch.of(dorsal).threads(threads).progress(progress).run(in, output);
            output.close();
        } catch (IOException e) {
            closeQuietly(output);
            throw new DorsalCli.Stopped("batch stopped: " + e.getMessage() + "; the output is incomplete", e);
        } finally {
            if (in != cli.stdin()) {
                closeQuietly(in);
            }
        }
        err.println(summary(summary, threads));
        return summary.refused() == 0 ? DorsalCli.OK : DorsalCli.SOME_LINES_REFUSED;
    }

    /** One line: the counts, the first refused lines with the field that failed, and the rate. */
    static String summary(Batch.Summary s, int threads) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "dorsal batch: %,d lines, %,d assessed, %,d refused",
                s.lines(), s.assessed(), s.refused()));
        if (s.refused() > 0) {
            b.append(s.firstRefused().stream().map(r -> "line " + r.line() + ": " + r.field())
                    .collect(Collectors.joining("; ", " (", s.refused() > s.firstRefused().size() ? "; ...)" : ")")));
        }
        b.append(String.format(Locale.ROOT, "; %.1f s, %,.0f lines/s on %d threads",
                s.elapsed().toNanos() / 1e9, s.linesPerSecond(), threads));
        return b.toString();
    }

    /** After a failure, or of the input: what a close would add is not worth reporting. */
    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // The run already failed or is complete; this close cannot change its output.
        }
    }

    /** The options batch and impact share: threads and the progress bar. */
    static final class RunOptions {
        @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
        private Integer threads;

        @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
        private boolean noProgress;

        int threads(CommandSpec spec) {
            int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            if (n < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + n);
            }
            return n;
        }

        /** The bar on stderr when it is a terminal, sized to FILE's lines when FILE is a regular file. */
        Progress progress(DorsalCli cli, String task, String file) {
            boolean show = !noProgress && cli.stderrIsTerminal();
            return Progress.of(show, task, show ? Streams.lines(file) : -1, cli.stderrBytes());
        }
    }
}
