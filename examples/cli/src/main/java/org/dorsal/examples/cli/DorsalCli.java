package org.dorsal.examples.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.dorsal.DorsalConfigurationException;
import org.dorsal.InvalidIntakeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code dorsal} command line: assesses an intake file, or interviews a person in the terminal,
 * and prints the assessment as readable text or as the JSON of {@link org.dorsal.DorsalJson}; assesses
 * a whole NDJSON file of intakes; makes a synthetic population; and measures what a change of
 * thresholds or content does to a population.
 *
 * <pre>{@code
 * ./dorsal assess examples/intake/acute-spasm-desk-worker.json
 * ./dorsal assess --json - < intake.json
 * ./dorsal interview
 * ./dorsal synth --count 100000 --seed 1 > population.ndjson
 * ./dorsal batch population.ndjson --out assessments.ndjson
 * ./dorsal impact population.ndjson --stiffness-referral-days 14 --versus-stiffness-referral-days 28
 * }</pre>
 *
 * <p>Exit status: 0 when it did what was asked; 2 when the intake, a file, the options or a
 * threshold were refused (the message is on stderr and nothing is on stdout); 3 when batch or impact
 * went through every line but refused some (each is in the output, and counted on stderr); 1 when a
 * command stopped part-way (its output is incomplete) or on an internal error.
 */
@Command(name = "dorsal",
        mixinStandardHelpOptions = true,
        versionProvider = DorsalCli.Version.class,
        description = "Decision support for upper back and neck pain. Not a diagnosis.",
        subcommands = {AssessCommand.class, InterviewCommand.class, BatchCommand.class, SynthCommand.class,
                ImpactCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:stopped part-way (the output is incomplete), or an internal error",
                "2:refused: the intake, a file, an option or a threshold; nothing was done",
                "3:batch or impact refused some lines (each is in the output and counted)"})
public final class DorsalCli implements Callable<Integer> {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int REFUSED = 2;
    static final int SOME_LINES_REFUSED = 3;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    @Spec
    private CommandSpec spec;

    private DorsalCli(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * Runs one command line with the given streams and returns its exit status. Output is UTF-8
     * whatever the platform default, because the assessment JSON must be and the advice text uses
     * dashes and section signs.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        PrintWriter stdout = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter stderr = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return new CommandLine(new DorsalCli(in, out, err))
                    .setOut(stdout)
                    .setErr(stderr)
                    .setExecutionExceptionHandler(DorsalCli::refuse)
                    .execute(args);
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }

    /** A bare {@code dorsal} is a usage mistake: say what the commands are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return REFUSED;
    }

    InputStream stdin() {
        return in;
    }

    /**
     * Standard output as bytes, for the commands that stream NDJSON. Anything written to the
     * command's own writer must be flushed before, and is not mixed with it.
     */
    PrintStream stdoutBytes() {
        return out;
    }

    /** Standard error as bytes, for the progress bar. */
    PrintStream stderrBytes() {
        return err;
    }

    /**
     * Whether a progress bar may be drawn on stderr: only on the process's own stderr, and only when
     * it is a terminal. The launcher tests that ({@code [[ -t 2 ]]}) and says so in
     * {@code DORSAL_STDERR_TTY}; without the launcher, a JVM with a console is taken as one on a terminal.
     */
    boolean stderrIsTerminal() {
        if (err != System.err) {
            return false;
        }
        String launcher = System.getenv("DORSAL_STDERR_TTY");
        return launcher != null ? launcher.equals("1") : System.console() != null;
    }

    /**
     * Turns what a person can fix (an intake, a file, a threshold) into one line on stderr and
     * status 2; anything else is a bug and keeps its stack trace.
     */
    private static int refuse(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof InvalidIntakeException invalid) {
            err.println("dorsal: the intake was refused, nothing was assessed.");
            err.println("  field: " + invalid.field());
            err.println("  problem: " + invalid.getMessage());
            return REFUSED;
        }
        if (e instanceof DorsalConfigurationException config) {
            err.println("dorsal: configuration error: " + config.getMessage());
            return REFUSED;
        }
        if (e instanceof Refusal refusal) {
            err.println("dorsal: " + refusal.getMessage());
            return REFUSED;
        }
        if (e instanceof Stopped stopped) {
            err.println("dorsal: " + stopped.getMessage());
            return INTERNAL_ERROR;
        }
        err.println("dorsal: internal error, please report it: " + e);
        e.printStackTrace(err);
        return INTERNAL_ERROR;
    }

    /** Something the person asked for that cannot be done, such as reading a file that is not there. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A command that could not finish, such as a batch whose output was closed: its output is incomplete. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Reports the version of this command line, which is also the content version it ships with. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DorsalCli.class.getPackage().getImplementationVersion();
            return new String[] {"dorsal " + (v == null ? "(development build)" : v)};
        }
    }
}
