package org.dorsal.examples.cds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A class of this module's test classpath run in a JVM of its own, as an operator would run the service. */
final class Subprocess {
    private static final Pattern SERVING = Pattern.compile("service on (https?://[^/ ]+)/cds-services");

    final Process process;
    final BufferedReader stdout;

    private Subprocess(Process process) {
        this.process = process;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code mainClass} with {@code args}; its stderr (the log) goes to {@code stderr}. */
    static Subprocess start(Path stderr, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new Subprocess(new ProcessBuilder(command).redirectError(stderr.toFile()).start());
    }

    /** Reads stdout up to the service's start-up line and returns the URL it serves on. */
    URI awaitServing() throws IOException {
        String line;
        while ((line = stdout.readLine()) != null) {
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                return URI.create(m.group(1));
            }
        }
        throw new IllegalStateException("the service exited without starting, status " + waitForExit());
    }

    int waitForExit() {
        try {
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the subprocess did not exit within two minutes");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
