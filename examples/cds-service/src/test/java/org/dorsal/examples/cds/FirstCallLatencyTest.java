package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures, not asserts (timings on a shared machine are no test): the first hook call after start,
 * each in a fresh JVM, with and without the warm-up that runs before the service says it is ready.
 * The figures are printed for the record; the test fails only when a call is not answered 200.
 * One fresh JVM of each kind in {@code mvn verify} (about 10 s); {@code -Ddorsal.firstcall.runs=N}
 * runs more for figures worth comparing.
 */
class FirstCallLatencyTest {
    private static final int RUNS = Integer.getInteger("dorsal.firstcall.runs", 1);

    @TempDir
    Path dir;

    @Test
    void first_hook_call_with_and_without_warm_up() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            for (String mode : List.of("cold", "warm")) {
                Subprocess p = Subprocess.start(dir.resolve(mode + run + ".log"), FirstCallLatency.class.getName(), mode);
                String line = p.stdout.readLine();
                assertThat(p.waitForExit()).as("%s run %d: %s", mode, run, line).isZero();
                assertThat(line).startsWith("first-call " + mode);
                lines.add(line);
            }
        }
        System.out.println("First hook call after start, ms (mode, first call, median of the next 20):");
        lines.forEach(l -> System.out.println("  " + l));
    }
}
