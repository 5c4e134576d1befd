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
 * and prints the assessment as readable text or as the JSON of {@link org.dorsal.DorsalJson}.
 *
 * <pre>{@code
 * ./dorsal assess examples/intake/acute-spasm-desk-worker.json
 * ./dorsal assess --json - < intake.json
 * ./dorsal interview
 * }</pre>
 *
 * <p>Exit status: 0 when an assessment was printed; 2 when the intake, a file, the options or a
 * threshold were refused (the message is on stderr and nothing is on stdout); 1 on an internal error.
 */
@Command(name = "dorsal",
        mixinStandardHelpOptions = true,
        versionProvider = DorsalCli.Version.class,
        description = "Decision support for upper back and neck pain. Not a diagnosis.",
        subcommands = {AssessCommand.class, InterviewCommand.class, CommandLine.HelpCommand.class})
public final class DorsalCli implements Callable<Integer> {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int REFUSED = 2;

    private final InputStream in;

    @Spec
    private CommandSpec spec;

    private DorsalCli(InputStream in) {
        this.in = in;
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
            return new CommandLine(new DorsalCli(in))
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

    /** Reports the version of this command line, which is also the content version it ships with. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DorsalCli.class.getPackage().getImplementationVersion();
            return new String[] {"dorsal " + (v == null ? "(development build)" : v)};
        }
    }
}
