package org.dorsal.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.Thresholds;
import org.dorsal.governance.EngineConfig;
import org.dorsal.governance.ImpactTally;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkImpactTest {
    private static final EngineConfig BEFORE = EngineConfig.host(Thresholds.defaults());
    private static final EngineConfig AFTER = EngineConfig.host(new Thresholds(10, 28));
    private static List<String> population;
    private static ImpactTally expected;
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        spark = SharedSpark.session();
        population = TestPopulation.lines(PerJvm.dorsal(BEFORE));
        expected = TestPopulation.sequentialTally(population, PerJvm.dorsal(BEFORE), PerJvm.engine(BEFORE), PerJvm.engine(AFTER));
    }

    @Test
    void the_spark_tally_is_the_sequential_tally_whatever_the_partitioning() throws Exception {
        Path input = SparkBatchTest.write(dir.resolve("population.ndjson"), population);
        assertThat(expected.kinds()).as("a change that changes something").isNotEmpty();
        assertThat(expected.badLines()).as("the population's bad lines").isGreaterThanOrEqualTo(7);

        for (int partitions : new int[] {1, 2, 7}) {
            JavaRDD<NumberedLine> lines = Population.read(spark, List.of(input.toString()), Format.NDJSON, partitions);
            assertThat(lines.getNumPartitions()).isGreaterThanOrEqualTo(partitions);
            assertSameTally(SparkImpact.tally(lines, BEFORE, AFTER), expected);
        }
    }

    @Test
    void an_isolated_content_is_opened_on_the_executors() {
        EngineConfig isolated = EngineConfig.jars(new Thresholds(10, 28), builtJars());

        ImpactTally tally = SparkImpact.tally(numbered(3), BEFORE, isolated);

        assertSameTally(tally, expected);
        assertThat(PerJvm.builds(isolated)).isEqualTo(1);
    }

    @Test
    void the_impact_command_counts_the_population() throws Exception {
        Path input = SparkBatchTest.write(dir.resolve("population.ndjson"), population);

        SparkBatchTest.Run run = SparkBatchTest.Run.of("impact", input.toString(), "--after-spasm-referral-days", "10",
                "--after-stiffness-referral-days", "28", "--partitions", "3", "--out", dir.resolve("report").toString());

        assertThat(run.status()).as(run.err()).isZero();
        // The same report as the command line's: made from the tally by ImpactReport, which the
        // tally equality above makes equal for the same population.
        assertThat(dir.resolve("report/impact.json")).content()
                .contains("\"intakes\" : " + expected.intakes());
        assertThat(dir.resolve("report/impact.html")).exists();
        assertThat(run.out()).startsWith("intakes " + expected.intakes() + ", bad lines " + expected.badLines() + ", ");
        assertThat(SparkBatchTest.Run.of("impact", input.toString(), "--after-jars", "no-such.jar").status()).isEqualTo(2);
    }

    private JavaRDD<NumberedLine> numbered(int partitions) {
        List<NumberedLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < population.size(); i++) {
            lines.add(NumberedLine.of(i + 1, population.get(i)));
        }
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(lines, partitions);
    }

    static void assertSameTally(ImpactTally actual, ImpactTally expected) {
        assertThat(actual.intakes()).isEqualTo(expected.intakes());
        assertThat(actual.badLines()).isEqualTo(expected.badLines());
        assertThat(actual.agreements()).isEqualTo(expected.agreements());
        for (Disposition from : Disposition.values()) {
            for (Disposition to : Disposition.values()) {
                assertThat(actual.transitions(from, to)).as("%s -> %s", from, to).isEqualTo(expected.transitions(from, to));
            }
        }
        for (boolean before : new boolean[] {false, true}) {
            for (boolean after : new boolean[] {false, true}) {
                assertThat(actual.provisional(before, after)).isEqualTo(expected.provisional(before, after));
            }
        }
        assertThat(actual.firesBefore()).isEqualTo(expected.firesBefore());
        assertThat(actual.firesAfter()).isEqualTo(expected.firesAfter());
        assertThat(actual.kinds()).isEqualTo(expected.kinds());
        assertThat(actual.examples()).isEqualTo(expected.examples());
    }

    /** The engine and content this build made, given as another version's jars would be. */
    static List<Path> builtJars() {
        try {
            URL content = SparkImpactTest.class.getClassLoader().getResource("META-INF/dorsal/content.json");
            Path contentRoot = content.getProtocol().equals("jar")
                    ? Path.of(URI.create(content.getPath().substring(0, content.getPath().indexOf("!/"))))
                    : Path.of(content.toURI()).getParent().getParent().getParent();
            Path engine = Path.of(Dorsal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return List.of(engine, contentRoot);
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
