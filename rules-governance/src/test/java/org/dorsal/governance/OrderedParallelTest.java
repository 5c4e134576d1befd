package org.dorsal.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class OrderedParallelTest {
    /** Items 1 to {@code n}, then the end. */
    private static OrderedParallel.Source<Long> upTo(long n) {
        long[] next = {0};
        return () -> next[0] < n ? ++next[0] : null;
    }

    @Test
    void results_come_back_in_input_order_however_long_each_item_takes() throws IOException {
        List<Long> seen = new ArrayList<>();
        OrderedParallel<Long, long[], Long> parallel = new OrderedParallel<>(4, 3, 5);

        List<long[]> states = parallel.run(upTo(1_000), () -> new long[1], (count, number, item) -> {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(20_000));
            count[0]++;
            assertThat(number).isEqualTo(item);
            return item * 10;
        }, (number, result) -> {
            assertThat(result).isEqualTo(number * 10);
            seen.add(number);
        }, done -> { });

        assertThat(seen).hasSize(1_000).isSorted();
        assertThat(states).hasSize(4);
        assertThat(states.stream().mapToLong(s -> s[0]).sum()).isEqualTo(1_000);
        assertThat(parallel.peakInFlight()).isPositive().isLessThanOrEqualTo(parallel.bound());
    }

    @Test
    void a_worker_failure_ends_the_run_with_it() {
        OrderedParallel<Long, Object, Long> parallel = OrderedParallel.withThreads(2);
        List<Long> seen = new ArrayList<>();

        assertThatThrownBy(() -> parallel.run(upTo(100_000), Object::new, (s, number, item) -> {
            if (item == 5_000) {
                throw new IllegalStateException("engine broke on item " + item);
            }
            return item;
        }, (number, result) -> seen.add(number), done -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("item 5000");
        assertThat(seen).hasSizeLessThan(5_000);
    }

    @Test
    void a_source_or_sink_failure_ends_the_run_with_it() {
        OrderedParallel<Long, Object, Long> parallel = OrderedParallel.withThreads(2);
        long[] next = {0};
        OrderedParallel.Source<Long> broken = () -> {
            if (++next[0] == 1_000) {
                throw new IOException("disk gone");
            }
            return next[0];
        };
        assertThatThrownBy(() -> parallel.run(broken, Object::new, (s, n, item) -> item, (n, r) -> { }, done -> { }))
                .isInstanceOf(IOException.class).hasMessage("disk gone");
        assertThatThrownBy(() -> parallel.run(upTo(10_000), Object::new, (s, n, item) -> item, (n, r) -> {
            if (n == 700) {
                throw new IOException("broken pipe");
            }
        }, done -> { })).isInstanceOf(IOException.class).hasMessage("broken pipe");
    }

    @Test
    void a_state_that_cannot_be_made_fails_the_run() {
        OrderedParallel<Long, Object, Long> parallel = OrderedParallel.withThreads(3);
        assertThatThrownBy(() -> parallel.run(upTo(1_000), () -> {
            throw new IllegalArgumentException("no reader");
        }, (s, n, item) -> item, (n, r) -> { }, done -> { })).hasMessage("no reader");
    }

    @Test
    void an_empty_source_gives_nothing_and_ends() throws IOException {
        List<Object> states = OrderedParallel.<Long, Object, Long>withThreads(2)
                .run(upTo(0), Object::new, (s, n, item) -> item, (n, r) -> { throw new AssertionError(); }, done -> { });
        assertThat(states).hasSize(2);
    }
}
