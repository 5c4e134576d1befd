package org.dorsal.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dorsal.Assessment;
import org.dorsal.Dorsal;
import org.dorsal.Intake;
import org.junit.jupiter.api.Test;

/**
 * One facade shared by many threads gives exactly what one thread gives: each of 8 threads
 * assesses the same 4,000 intakes in its own shuffled order, started together, and every result
 * is compared with the single-threaded one.
 */
class ConcurrencyProperties {
    static final int THREADS = 8;
    static final int INTAKES = 4_000;

    @Test
    void many_threads_sharing_one_facade_get_the_single_thread_results() throws Exception {
        Dorsal dorsal = Fixtures.dorsal();
        long start = System.nanoTime();
        RandomIntakes random = RandomIntakes.seeded(Fixtures.SEED + 1, dorsal.thresholds());
        List<Intake> intakes = random.stream(INTAKES).toList();
        List<Assessment> expected = intakes.stream().map(dorsal::assess).toList();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = Fixtures.SEED + t;
                done.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < INTAKES; i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, new Random(seed));
                    go.await();
                    for (int i : order) {
                        // Traced and plain calls interleave, as a host's logging and serving paths would.
                        Assessment a = i % 2 == 0 ? dorsal.assess(intakes.get(i)) : dorsal.trace(intakes.get(i)).assessment();
                        assertThat(a).as("intake %d on a shared facade", i).isEqualTo(expected.get(i));
                    }
                    return order.size();
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            assertThat(total).isEqualTo(THREADS * INTAKES);
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("Concurrency: %d threads x %,d intakes on one facade equal the single-thread results, in %s%n",
                THREADS, INTAKES, Fixtures.since(start));
    }
}
