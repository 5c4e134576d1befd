package org.dorsal.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.dorsal.Dorsal;
import org.dorsal.Thresholds;
import org.dorsal.governance.EngineConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkBatchTest {
    private static final Dorsal DORSAL = Dorsal.builder().build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<String> population;
    private static List<String> expected;
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        spark = SharedSpark.session();
        population = TestPopulation.lines(DORSAL);
        expected = TestPopulation.sequentialBatch(population, DORSAL);
    }

    @Test
    void the_part_files_concatenated_are_the_single_machine_output_byte_for_byte() throws IOException {
        Path input = write(dir.resolve("population.ndjson"), population);
        Path output = dir.resolve("assessed");

        Run run = Run.of("batch", input.toString(), "--output", output.toString(), "--partitions", "5");

        assertThat(run.status).as(run.err).isZero();
        assertThat(partFiles(output)).as("several partitions, so that their order is tested").hasSizeGreaterThan(1);
        assertThat(concatenated(output)).isEqualTo(String.join("\n", expected) + "\n");
        assertThat(run.err).contains("dorsal-spark batch:").doesNotContain("MUSCLE_SPASM");
    }

    @Test
    void several_files_are_numbered_as_one_input_in_path_name_order() throws IOException {
        Path split = Files.createDirectories(dir.resolve("split"));
        write(split.resolve("part-00001"), population.subList(700, 1_300));
        write(split.resolve("part-00000"), population.subList(0, 700));
        write(split.resolve("part-00002"), population.subList(1_300, population.size()));
        write(split.resolve("_SUCCESS"), List.of("not a line"));

        JavaRDD<NumberedLine> lines = Population.read(spark, List.of(split.toString()), Format.NDJSON, 4);

        assertThat(SparkBatch.ndjson(lines, EngineConfig.host(Thresholds.defaults())).collect()).isEqualTo(expected);
    }

    @Test
    void thresholds_reach_the_executors() throws IOException {
        Thresholds lenient = new Thresholds(10, 42);
        Path input = write(dir.resolve("population.ndjson"), population);

        JavaRDD<NumberedLine> lines = Population.read(spark, List.of(input.toString()), Format.NDJSON, 3);

        List<String> spark = SparkBatch.ndjson(lines, EngineConfig.host(lenient)).collect();
        assertThat(spark).isEqualTo(TestPopulation.sequentialBatch(population, Dorsal.builder().thresholds(lenient).build()));
        assertThat(spark).isNotEqualTo(expected);
    }

    @Test
    void parquet_in_and_out_hold_what_the_ndjson_lines_hold() throws IOException {
        Path input = dir.resolve("population.parquet");
        text(write(dir.resolve("population.ndjson"), population)).withColumnRenamed("value", Population.JSON_COLUMN)
                .write().parquet(input.toString());
        Path output = dir.resolve("assessed.parquet");

        Run run = Run.of("batch", input.toString(), "--input-format", "parquet", "-o", output.toString(), "--output-format", "PARQUET");

        assertThat(run.status).as(run.err).isZero();
        Dataset<Row> rows = spark.read().parquet(output.toString());
        // Spark reads every Parquet column back as nullable; names and types are what the schema says.
        assertThat(rows.schema().catalogString()).isEqualTo(SparkBatch.SCHEMA.catalogString());
        assertThat(rows.orderBy("line").collectAsList().stream().map(SparkBatchTest::asJson).toList()).isEqualTo(expectedJson());
    }

    @Test
    void a_parquet_line_column_numbers_rows_in_any_order_and_files() throws IOException {
        Path input = dir.resolve("shuffled.parquet");
        text(write(dir.resolve("population.ndjson"), population))
                .select(functions.monotonically_increasing_id().plus(1).as(Population.LINE_COLUMN),
                        functions.col("value").as(Population.JSON_COLUMN))
                .orderBy(functions.rand(7)).repartition(3).write().parquet(input.toString());

        JavaRDD<NumberedLine> lines = Population.read(spark, List.of(input.toString()), Format.PARQUET, 2);

        List<Row> rows = SparkBatch.rows(spark, lines, EngineConfig.host(Thresholds.defaults())).orderBy("line").collectAsList();
        assertThat(rows.stream().map(SparkBatchTest::asJson).toList()).isEqualTo(expectedJson());
    }

    /** A small text file as Spark reads it: one partition, so rows keep the file's order. */
    private static Dataset<Row> text(Path file) {
        Dataset<Row> lines = spark.read().text(file.toString());
        assertThat(lines.rdd().getNumPartitions()).isEqualTo(1);
        return lines;
    }

    @Test
    void lines_are_split_and_decoded_as_the_command_line_does() throws IOException {
        String intake = "{\"findings\":{\"MUSCLE_SPASM\":\"present\"}}";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});   // 1: a byte order mark, kept (Hadoop drops it)
        bytes.write((intake + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.write((intake + "\r\n").getBytes(StandardCharsets.UTF_8));   // 2: CRLF
        bytes.write((intake + "\r" + intake + "\n").getBytes(StandardCharsets.UTF_8)); // 3: a lone CR splits nothing
        bytes.write(new byte[] {'{', (byte) 0xC3, '}', '\n'});              // 4: not UTF-8
        bytes.write(("{\"id\":\"" + "x".repeat(LineText.MAX_LINE_BYTES) + "\"}\n").getBytes(StandardCharsets.UTF_8)); // 5: too long
        bytes.write(intake.getBytes(StandardCharsets.UTF_8));                // 6: no final line break
        Path input = Files.write(dir.resolve("edges.ndjson"), bytes.toByteArray());

        List<JsonNode> out = new ArrayList<>();
        for (String line : SparkBatch.ndjson(Population.read(spark, List.of(input.toString()), Format.NDJSON, 3),
                EngineConfig.host(Thresholds.defaults())).collect()) {
            out.add(JSON.readTree(line));
        }

        assertThat(out).extracting(n -> n.get("line").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(out).extracting(n -> n.has("assessment")).containsExactly(true, true, false, false, false, true);
        assertThat(out.get(1).get("assessment")).isEqualTo(out.get(5).get("assessment"));
        assertThat(out.get(3).at("/error/message").asText()).contains("not valid UTF-8");
        assertThat(out.get(4).at("/error/message").asText()).startsWith("the line is " + (LineText.MAX_LINE_BYTES + 9) + " bytes long");
    }

    @Test
    void bad_options_and_inputs_are_refused_with_status_2() throws IOException {
        Path input = write(dir.resolve("population.ndjson"), population.subList(0, 3));
        Path existing = Files.createDirectories(dir.resolve("exists"));

        Run threshold = Run.of("batch", input.toString(), "-o", dir.resolve("a").toString(), "--spasm-referral-days", "30");
        Run missing = Run.of("batch", dir.resolve("nope.ndjson").toString(), "-o", dir.resolve("b").toString());
        Run exists = Run.of("batch", input.toString(), "-o", existing.toString());
        Path wrongColumn = dir.resolve("wrong.parquet");
        spark.createDataset(List.of("{}"), Encoders.STRING()).toDF("intake").write().parquet(wrongColumn.toString());
        Run noColumn = Run.of("batch", wrongColumn.toString(), "--input-format", "parquet", "-o", dir.resolve("c").toString());

        assertThat(threshold.status).isEqualTo(2);
        assertThat(threshold.err).contains("spasmReferralDays");
        assertThat(missing.status).isEqualTo(2);
        assertThat(missing.err).contains("no such input");
        assertThat(exists.status).isEqualTo(2);
        assertThat(exists.err).contains("exists");
        assertThat(noColumn.status).isEqualTo(2);
        assertThat(noColumn.err).contains("no 'json' column");
        assertThat(Run.of().status).isEqualTo(2);
    }

    private static List<JsonNode> expectedJson() {
        return expected.stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    /** A Parquet row as the NDJSON line it stands for. */
    private static JsonNode asJson(Row row) {
        var line = JSON.createObjectNode().put("line", row.getLong(0));
        if (!row.isNullAt(1)) {
            line.put("id", row.getString(1));
        }
        try {
            if (!row.isNullAt(2)) {
                line.set("assessment", JSON.readTree(row.getString(2)));
            } else {
                Row error = row.getStruct(3);
                line.putObject("error").put("field", error.getString(0)).put("message", error.getString(1));
            }
            return JSON.readTree(line.toString()); // numbers typed as a parser types them
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Path write(Path file, List<String> lines) throws IOException {
        return Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    static List<Path> partFiles(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    static String concatenated(Path output) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path part : partFiles(output)) {
            all.append(Files.readString(part, StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    /** One run of the job's command line, in this JVM, on the shared session. */
    record Run(int status, String out, String err) {
        static Run of(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            SharedSpark.session();
            int status = DorsalSparkJob.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
