package org.dorsal.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./dorsal} launcher builds under a lock: runs started together wait for one build and
 * then all succeed, a run that finds the build up to date does not rebuild, and the program it
 * starts does not keep the lock. It records a class-data archive once per build and JDK, and again
 * after the JDK changed (an archive from another JDK would be ignored, and start-up slower).
 *
 * <p>The real script runs from a copy of the repository's shape in a temporary directory (a pom,
 * one source file), with Maven and the JVM replaced through its own {@code MVN} and {@code JAVA}
 * settings by the scripts in {@code src/test/resources/launcher}: a build takes about a second and
 * fails if another one runs at the same time, and the "JVM" fails on a missing or half-made
 * build. For the archive, the fake JVM sits in a JDK's shape ({@code bin/java}, {@code lib/modules},
 * {@code lib/server/classes.jsa}) and logs whether it recorded or used one. The whole class takes a
 * few seconds.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("..", "..", "dorsal");
    private static final long TIMEOUT_SECONDS = 60;
    private static final String RECORD = "record";

    @TempDir
    Path home;
    private Path repo;
    private Path source;

    @BeforeEach
    void copyTheLauncher() throws IOException {
        assumeTrue(onPath("flock"), "flock (util-linux) is not installed: the launcher builds unguarded");
        repo = Files.createDirectories(home.resolve("repo"));
        Path dorsal = repo.resolve("dorsal");
        Files.copy(LAUNCHER, dorsal);
        dorsal.toFile().setExecutable(true);
        Files.writeString(repo.resolve("pom.xml"), "<project/>\n");
        source = repo.resolve("examples/cli/src/main/java/Main.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Main {}\n");
        for (String fake : List.of("fake-mvn", "fake-java")) {
            try (InputStream in = getClass().getResourceAsStream("/launcher/" + fake)) {
                Files.copy(in, home.resolve(fake));
            }
            home.resolve(fake).toFile().setExecutable(true);
        }
        Path jdkJava = Files.createDirectories(home.resolve("jdk/bin")).resolve("java");
        Files.copy(home.resolve("fake-java"), jdkJava);
        jdkJava.toFile().setExecutable(true);
        Files.createDirectories(home.resolve("jdk/lib/server"));
        for (String file : List.of("lib/modules", "lib/server/classes.jsa")) {
            Path p = Files.writeString(home.resolve("jdk").resolve(file), "jdk\n");
            Files.setLastModifiedTime(p, minutesFromNow(-60));
        }
    }

    @Test
    void concurrent_first_runs_wait_for_one_build_then_all_succeed() throws Exception {
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(start(Map.of("FAKE_EXPECT_STARTS", "3"), "intake-" + i + ".json"));
        }
        for (int i = 0; i < runs.size(); i++) {
            Finished f = finish(runs.get(i));
            assertThat(f.status()).as("run %d exit status; stderr:%n%s", i, f.err()).isZero();
            assertThat(f.out()).isEqualTo("ran assess intake-" + i + ".json\n");
        }
        assertThat(builds()).as("builds").hasSize(1);
    }

    @Test
    void a_run_that_finds_the_build_up_to_date_does_not_rebuild() throws Exception {
        assertThat(finish(start(Map.of(), "first.json")).status()).isZero();
        Finished second = finish(start(Map.of(), "second.json"));

        assertThat(second.status()).isZero();
        assertThat(second.err()).doesNotContain("building");
        assertThat(builds()).hasSize(1);
    }

    @Test
    void a_source_change_rebuilds_once_for_runs_started_together() throws Exception {
        assertThat(finish(start(Map.of(), "first.json")).status()).isZero();
        editTheSource();
        Files.delete(home.resolve("starts.log"));

        Process a = start(Map.of("FAKE_EXPECT_STARTS", "2"), "a.json");
        Process b = start(Map.of("FAKE_EXPECT_STARTS", "2"), "b.json");

        assertThat(finish(a).status()).isZero();
        assertThat(finish(b).status()).isZero();
        assertThat(builds()).hasSize(2);
    }

    @Test
    void the_program_does_not_hold_the_lock() throws Exception {
        assertThat(finish(start(Map.of(), "first.json")).status()).isZero();
        Process longRunning = start(Map.of("FAKE_JAVA_SECONDS", "20"), "interview.json");
        try {
            waitForTheProgram("interview.json");
            editTheSource();

            long started = System.nanoTime();
            Finished next = finish(start(Map.of(), "next.json"));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

            assertThat(next.status()).as("stderr:%n%s", next.err()).isZero();
            assertThat(longRunning.isAlive()).as("the first program is still running").isTrue();
            assertThat(seconds).as("seconds the second run took, its build included").isLessThan(15);
            assertThat(builds()).hasSize(2);
        } finally {
            longRunning.descendants().forEach(ProcessHandle::destroy);
            longRunning.destroy();
        }
    }

    @Test
    void the_class_data_archive_is_recorded_once_then_used() throws Exception {
        assertThat(finish(startWithTheJdk(Map.of(), "first.json")).status()).isZero();
        assertThat(finish(startWithTheJdk(Map.of(), "second.json")).status()).isZero();

        assertThat(javaLog()).containsExactly(RECORD, "run " + archive(), "run " + archive());
        assertThat(Files.readString(archive())).isEqualTo("archive\n");
    }

    @Test
    void a_jdk_update_records_the_archive_again() throws Exception {
        assertThat(finish(startWithTheJdk(Map.of(), "first.json")).status()).isZero();
        jdkUpdatedBeforeTheArchive();
        Files.delete(home.resolve("java.log"));
        assertThat(finish(startWithTheJdk(Map.of(), "unchanged.json")).status()).isZero();
        assertThat(javaLog()).as("the JDK older than the archive").containsExactly("run " + archive());

        for (String updated : List.of("lib/modules", "lib/server/classes.jsa")) {
            jdkUpdatedAfterTheArchive(updated);
            Files.delete(home.resolve("java.log"));

            assertThat(finish(startWithTheJdk(Map.of(), "after-" + updated.replace('/', '-') + ".json")).status()).isZero();

            assertThat(javaLog()).as("after %s changed", updated).containsExactly(RECORD, "run " + archive());
        }
    }

    @Test
    void a_jvm_that_cannot_record_is_asked_again_only_after_a_jdk_update() throws Exception {
        Map<String, String> cannot = Map.of("FAKE_JAVA_CANNOT_RECORD", "1");
        assertThat(finish(startWithTheJdk(cannot, "first.json")).status()).isZero();
        assertThat(finish(startWithTheJdk(cannot, "second.json")).status()).isZero();
        assertThat(javaLog()).containsExactly(RECORD, "run without an archive", "run without an archive");

        jdkUpdatedAfterTheArchive("lib/modules");
        Files.delete(home.resolve("java.log"));
        assertThat(finish(startWithTheJdk(Map.of(), "updated.json")).status()).isZero();

        assertThat(javaLog()).containsExactly(RECORD, "run " + archive());
    }

    /**
     * Dates the archive after the build and every JDK file before it. The times are set, not waited
     * for, so that a file system's coarse clock cannot make two of them equal.
     */
    private void jdkUpdatedBeforeTheArchive() throws IOException {
        Files.setLastModifiedTime(archive(), minutesFromNow(10));
        for (String file : List.of("lib/modules", "lib/server/classes.jsa")) {
            Files.setLastModifiedTime(home.resolve("jdk").resolve(file), minutesFromNow(-60));
        }
    }

    /** As {@link #jdkUpdatedBeforeTheArchive}, then {@code file} of the JDK dated after the archive. */
    private void jdkUpdatedAfterTheArchive(String file) throws IOException {
        jdkUpdatedBeforeTheArchive();
        Files.setLastModifiedTime(home.resolve("jdk").resolve(file), minutesFromNow(20));
    }

    /** Starts {@code ./dorsal assess FILE} with the fake JDK's java and class-data sharing on. */
    private Process startWithTheJdk(Map<String, String> env, String file) throws IOException {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("JAVA", home.resolve("jdk/bin/java").toString());
        all.put("DORSAL_CDS", "1");
        return start(all, file);
    }

    /** Where the launcher keeps the archive, as it names it: from the checkout's physical path (pwd -P). */
    private Path archive() throws IOException {
        return repo.toRealPath().resolve("examples/cli/target/dorsal-cli.jsa");
    }

    private List<String> javaLog() throws IOException {
        return Files.readAllLines(home.resolve("java.log"));
    }

    private static FileTime minutesFromNow(int minutes) {
        return FileTime.fromMillis(System.currentTimeMillis() + minutes * 60_000L);
    }

    /** What a finished run printed and returned. */
    private record Finished(int status, String out, String err) {
    }

    /** Starts {@code ./dorsal assess FILE}, logging that it started (the fake build waits for that). */
    private Process start(Map<String, String> env, String file) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "echo started >> \"$FAKE_HOME/starts.log\"; exec ./dorsal assess \"$1\"",
                "launcher", file).directory(repo.toFile());
        pb.environment().put("FAKE_HOME", home.toString());
        pb.environment().put("MVN", home.resolve("fake-mvn").toString());
        pb.environment().put("JAVA", home.resolve("fake-java").toString());
        pb.environment().put("DORSAL_CDS", "0");
        pb.environment().remove("DORSAL_JAVA_OPTS");
        pb.environment().putAll(env);
        return pb.start();
    }

    private static Finished finish(Process p) throws Exception {
        // The outputs are small (a few lines), so reading them one after the other cannot block.
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish in " + TIMEOUT_SECONDS + " s; stderr:\n" + err);
        }
        return new Finished(p.exitValue(), out, err);
    }

    private List<String> builds() throws IOException {
        Path log = home.resolve("builds.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** Makes the source newer than the build, as an edit would: both dated in the past, so a rebuild is newer than either. */
    private void editTheSource() throws IOException {
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(repo.resolve("examples/cli/target/dorsal-cli.jar"), FileTime.fromMillis(now - 60_000));
        Files.setLastModifiedTime(source, FileTime.fromMillis(now - 30_000));
    }

    /** Waits until the fake JVM of the run for {@code file} has started. */
    private void waitForTheProgram(String file) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!Files.exists(home.resolve(file + ".started"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the program for " + file + " never started");
            }
            Thread.sleep(50);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
