package org.dorsal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dorsal.DorsalJson;
import org.dorsal.Thresholds;
import org.dorsal.oracle.Oracle;

/**
 * The start-up lower bound, run by {@code benchmarks/run}: a JVM that reads an intake file,
 * assesses it with the {@link Oracle} and prints the assessment JSON, and nothing else.
 */
public final class PlainCli {
    private PlainCli() {
    }

    public static void main(String[] args) throws IOException {
        var intake = DorsalJson.readIntake(Files.readAllBytes(Path.of(args[0])));
        System.out.println(DorsalJson.writeAssessment(Oracle.of(Thresholds.defaults()).assess(intake)));
    }
}
