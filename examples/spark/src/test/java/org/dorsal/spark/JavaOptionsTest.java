package org.dorsal.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaOptionsTest {
    /** The launcher scripts read conf/java-options; the tests run with pom.xml's copy. Both must be Spark's list. */
    @Test
    void the_tests_run_with_the_options_the_scripts_give_java() throws IOException {
        List<String> scripts = Files.readAllLines(Path.of("conf/java-options")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        assertThat(scripts).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(scripts);
    }
}
