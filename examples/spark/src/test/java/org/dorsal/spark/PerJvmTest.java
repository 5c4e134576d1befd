package org.dorsal.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.dorsal.Dorsal;
import org.dorsal.Thresholds;
import org.dorsal.governance.EngineConfig;
import org.junit.jupiter.api.Test;

class PerJvmTest {
    @Test
    void threads_asking_together_share_one_facade_built_once() throws Exception {
        EngineConfig config = EngineConfig.host(new Thresholds(8, 20));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Dorsal>> asked = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                asked.add(threads.submit(() -> PerJvm.dorsal(config)));
            }
            Dorsal first = asked.get(0).get();
            for (Future<Dorsal> f : asked) {
                assertThat(f.get()).isSameAs(first);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(PerJvm.builds(config)).isEqualTo(1);
        assertThat(PerJvm.dorsal(config).thresholds()).isEqualTo(new Thresholds(8, 20));
    }

    @Test
    void every_task_of_a_job_finds_the_facade_its_executor_built() {
        EngineConfig config = EngineConfig.host(new Thresholds(9, 33));
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
        List<NumberedLine> lines = LongStream.rangeClosed(1, 64).mapToObj(n -> NumberedLine.of(n, "{}")).toList();

        long assessed = SparkBatch.ndjson(sc.parallelize(lines, 16), config).filter(l -> l.contains("\"assessment\"")).count();

        assertThat(assessed).isEqualTo(64);
        assertThat(PerJvm.builds(config)).as("16 tasks on 2 threads, one JVM").isEqualTo(1);
        assertThat(PerJvm.engine(config)).as("the engine of a host configuration wraps the same facade").isNotNull();
        assertThat(PerJvm.builds(config)).isEqualTo(1);
    }

    @Test
    void a_configuration_that_cannot_be_built_is_tried_again_next_time() {
        EngineConfig broken = new EngineConfig(7, 14, List.of("no-such-engine.jar"));
        assertThatThrownBy(() -> PerJvm.engine(broken)).hasMessageContaining("no such jar");
        assertThatThrownBy(() -> PerJvm.engine(broken)).hasMessageContaining("no such jar");
        assertThatThrownBy(() -> PerJvm.dorsal(broken)).isInstanceOf(IllegalArgumentException.class);
    }
}
