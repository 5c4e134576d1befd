package org.dorsal.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dorsal.Dorsal;
import org.dorsal.examples.cli.DorsalCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance check: the Spark job's output is the command line's, on the same input. */
class SameAsCliTest {
    @TempDir
    Path dir;

    @Test
    void the_spark_batch_writes_byte_for_byte_what_dorsal_batch_writes() throws IOException {
        Path input = dir.resolve("population.ndjson");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((String.join("\n", TestPopulation.lines(Dorsal.builder().build())) + "\n").getBytes(StandardCharsets.UTF_8));
        // The lines a splitter or a decoder could get wrong, last, without a final line break.
        String intake = "{\"findings\":{\"MUSCLE_SPASM\":\"present\"}}";
        bytes.write((intake + "\r\n" + intake + "\r" + intake + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {'{', (byte) 0xC3, '}', '\n', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'});
        bytes.write(("{\"id\":\"" + "x".repeat(LineText.MAX_LINE_BYTES) + "\"}\n" + intake).getBytes(StandardCharsets.UTF_8));
        Files.write(input, bytes.toByteArray());
        Path cliOutput = dir.resolve("cli.ndjson");
        Path sparkOutput = dir.resolve("spark");

        ByteArrayOutputStream cliErr = new ByteArrayOutputStream();
        int cli = DorsalCli.run(new String[] {"batch", input.toString(), "--out", cliOutput.toString(), "--no-progress"},
                new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(cliErr, true, StandardCharsets.UTF_8));
        SparkBatchTest.Run spark = SparkBatchTest.Run.of("batch", input.toString(), "--output", sparkOutput.toString(), "--partitions", "4");

        assertThat(cli).as("some lines are refused: %s", cliErr.toString(StandardCharsets.UTF_8)).isEqualTo(3);
        assertThat(spark.status()).as(spark.err()).isZero();
        assertThat(SparkBatchTest.partFiles(sparkOutput)).hasSizeGreaterThan(1);
        byte[] expected = Files.readAllBytes(cliOutput);
        assertThat(expected).hasSizeGreaterThan(1_000_000);
        String actual = SparkBatchTest.concatenated(sparkOutput);
        // Line by line first, so that a difference is shown by its line rather than as a byte array.
        assertThat(actual.split("\n", -1)).containsExactly(new String(expected, StandardCharsets.UTF_8).split("\n", -1));
        assertThat(actual.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
    }
}
