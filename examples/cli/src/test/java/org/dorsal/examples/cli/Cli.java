package org.dorsal.examples.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the command line in-process with captured streams. */
final class Cli {
    /** The sample intakes, relative to the module directory Maven runs the tests in. */
    static final Path INTAKES = Path.of("..", "intake");

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {
    }

    private Cli() {
    }

    static Run piped(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DorsalCli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return piped("", args);
    }

    static String sample(String name) {
        return INTAKES.resolve(name).toString();
    }
}
