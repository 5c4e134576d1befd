package org.dorsal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;
import org.dorsal.Assessment;
import org.dorsal.Dorsal;
import org.dorsal.Intake;
import org.junit.jupiter.api.Test;

/**
 * Invariant 8, fuzzed: 100,000 generated documents, most of them broken (truncated, wrong types,
 * huge numbers, deep nesting, unknown and duplicate keys, invalid UTF-8, other encodings, JSON
 * extensions, control characters, oversize, random byte damage, empty). Each must be refused with
 * an InvalidIntakeException that names a field or a position, or, when the independent oracle
 * {@link StrictIntakeJson} says it is a valid intake, read as exactly that intake and assessed
 * within the invariants. Never another exception, never an intake read from an invalid document.
 * The whole batch runs under a generous preemptive timeout, a guard against a hang, not a speed test.
 */
class MalformedIntakeProperties {
    static final int DOCUMENTS = 100_000;

    @Test
    void bad_input_is_refused_whole_and_valid_input_is_read_exactly() {
        Dorsal dorsal = Fixtures.dorsal();
        List<Invariant> checks = Fixtures.checks(dorsal);
        MalformedIntakes fuzz = MalformedIntakes.seeded(Fixtures.SEED);
        Map<String, LongAdder[]> byKind = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        Map<String, String> failures = new ConcurrentSkipListMap<>();
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> LongStream.range(0, DOCUMENTS).parallel().forEach(i -> {
            MalformedIntakes.Document doc = fuzz.get(i);
            String where = "document #" + i + " (seed " + fuzz.seed() + ", " + doc.kind() + "): " + doc.text();
            Optional<Intake> read;
            try {
                read = SpecInvariants.readOrRefuse(doc.bytes());
            } catch (AssertionError e) {
                failures.putIfAbsent(doc.kind() + ": " + e.getMessage().replaceAll(":.*", ""), e.getMessage() + " for " + where);
                return;
            }
            Optional<Intake> oracle = StrictIntakeJson.parse(doc.bytes());
            if (read.isPresent() && oracle.isEmpty()) {
                failures.putIfAbsent(doc.kind() + ": invalid read", "§8.8 an invalid document was read as " + read.get() + ": " + where);
            } else if (read.isEmpty() && oracle.isPresent()) {
                failures.putIfAbsent(doc.kind() + ": valid refused", "a valid intake was refused: " + where);
            } else if (read.isPresent() && !read.get().equals(oracle.get())) {
                failures.putIfAbsent(doc.kind() + ": misread", "read as " + read.get() + ", the oracle reads " + oracle.get() + ": " + where);
            } else if (read.isPresent()) {
                Assessment a = dorsal.assess(read.get());
                for (Invariant inv : checks) {
                    inv.violation(read.get(), a).ifPresent(v -> failures.putIfAbsent(doc.kind() + ": " + v.invariant(), v + " for " + where));
                }
            }
            LongAdder[] counts = byKind.computeIfAbsent(doc.kind(), k -> new LongAdder[]{new LongAdder(), new LongAdder()});
            counts[read.isPresent() ? 0 : 1].increment();
        }));
        // All kinds of failure at once, one example each: a fix for one should not hide the next.
        if (!failures.isEmpty()) {
            throw new AssertionError("documents mishandled, one example per kind of failure:" + System.lineSeparator()
                    + String.join(System.lineSeparator(), failures.values()));
        }
        long valid = byKind.values().stream().mapToLong(c -> c[0].sum()).sum();
        long refused = byKind.values().stream().mapToLong(c -> c[1].sum()).sum();
        System.out.printf("Malformed intakes: %,d documents (seed %d): %,d refused with a named field or position, %,d valid "
                + "and assessed, in %s%n", DOCUMENTS, fuzz.seed(), refused, valid, Fixtures.since(start));
        new TreeMap<>(byKind).forEach((kind, c) -> System.out.printf("  %-16s %,7d refused %,7d valid%n", kind, c[1].sum(), c[0].sum()));
        assertThat(valid + refused).isEqualTo(DOCUMENTS);
        assertThat(refused).as("most generated documents are broken").isGreaterThan(DOCUMENTS / 2);
        assertThat(valid).as("some generated documents are valid, so the oracle's other side is exercised").isGreaterThan(DOCUMENTS / 20);
    }
}
