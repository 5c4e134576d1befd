package org.dorsal.governance;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.dorsal.Dorsal;

/**
 * Assesses a whole file of intakes, one per line, on every core, streaming: NDJSON in (intake JSON
 * with an optional {@code "id"}, or FHIR R4 {@code QuestionnaireResponse}s as in FHIR Bulk Data),
 * NDJSON out, exactly one output line per input line and in the same order (see {@link BatchOutput}).
 * A line that cannot be read is refused on its own output line, counted, and the rest go on.
 *
 * <pre>{@code
 * Batch.Summary s = Batch.of(dorsal).threads(4).run(in, out);
 * s.refused();          // lines refused, each with an "error" output line
 * }</pre>
 *
 * <p>Each worker thread has its own {@link BatchReader}; all share the one facade, which keeps a warm
 * rule session per thread. Memory does not grow with the input: at most
 * {@value OrderedParallel#CHUNKS_PER_THREAD} × {@value OrderedParallel#CHUNK} lines per thread are
 * held at once. A failure of the engine itself (not of a line) ends the batch with that exception.
 * Instances are immutable and may be shared.
 */
public final class Batch {
    /** Refused lines the summary names, the first ones. */
    public static final int REFUSED_EXAMPLES = 5;

    private final Dorsal dorsal;
    private final int threads;
    private final LongConsumer progress;

    private Batch(Dorsal dorsal, int threads, LongConsumer progress) {
        this.dorsal = dorsal;
        this.threads = threads;
        this.progress = progress;
    }

    /** A batch on {@code dorsal} with one worker per available processor and no progress reports. */
    public static Batch of(Dorsal dorsal) {
        return new Batch(Objects.requireNonNull(dorsal, "dorsal"), Runtime.getRuntime().availableProcessors(), done -> { });
    }

    /** The same batch with {@code threads} workers (reading and writing have a thread each besides). */
    public Batch threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new Batch(dorsal, threads, progress);
    }

    /** The same batch, telling {@code linesDone} how many lines are written so far, every few dozen lines. */
    public Batch progress(LongConsumer linesDone) {
        return new Batch(dorsal, threads, Objects.requireNonNull(linesDone, "linesDone"));
    }

    public int threads() {
        return threads;
    }

    /**
     * Assesses every line of {@code in} and writes the output lines to {@code out}, flushed but not
     * closed; neither stream is closed.
     *
     * @throws IOException if reading or writing fails
     */
    public Summary run(InputStream in, OutputStream out) throws IOException {
        return run(in, out, OrderedParallel.withThreads(threads));
    }

    Summary run(InputStream in, OutputStream out, OrderedParallel<ByteLines.Raw, RawReader, Written> parallel) throws IOException {
        long start = System.nanoTime();
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        Counts counts = new Counts();
        parallel.run(new ByteLines(in), () -> new RawReader(dorsal), this::assess, (number, written) -> {
            buffered.write(written.bytes());
            counts.add(number, written);
        }, progress);
        buffered.flush();
        return new Summary(counts.lines, counts.lines - counts.refused, counts.refused, List.copyOf(counts.examples),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private Written assess(RawReader reader, long number, ByteLines.Raw raw) {
        BatchLine line = reader.read(number, raw);
        if (line.ok()) {
            return new Written(BatchOutput.assessedLine(line, dorsal.assess(line.intake())), null);
        }
        return new Written((BatchOutput.refused(line) + "\n").getBytes(StandardCharsets.UTF_8), line.error().field());
    }

    /**
     * What a batch did. {@code lines = assessed + refused}, always.
     *
     * @param lines the input lines read, bad ones included
     * @param assessed the lines assessed
     * @param refused the lines refused, each with an {@code "error"} output line
     * @param firstRefused the first {@value Batch#REFUSED_EXAMPLES} refused lines, by line number
     * @param elapsed from the first line read to the last line written
     */
    public record Summary(long lines, long assessed, long refused, List<Refused> firstRefused, Duration elapsed) {
        public Summary {
            if (lines != assessed + refused) {
                throw new IllegalArgumentException("lines must be assessed + refused, got " + lines + " != " + assessed + " + " + refused);
            }
            firstRefused = List.copyOf(firstRefused);
            Objects.requireNonNull(elapsed, "elapsed");
        }

        /** Lines per second over the whole run, or 0 for an empty input. */
        public double linesPerSecond() {
            long nanos = elapsed.toNanos();
            return nanos == 0 ? 0 : lines * 1e9 / nanos;
        }
    }

    /**
     * A refused line: its number and the field that failed (never the value, which may be a patient's).
     *
     * @param line the line number, from 1
     * @param field the field or position named by the refusal
     */
    public record Refused(long line, String field) {
    }

    /** One output line, encoded, with the field that failed when the line was refused. */
    record Written(byte[] bytes, String refusedField) {
    }

    /** Touched by the writing thread only. */
    private static final class Counts {
        long lines;
        long refused;
        final List<Refused> examples = new ArrayList<>();

        void add(long number, Written written) {
            lines++;
            if (written.refusedField() != null) {
                refused++;
                if (examples.size() < REFUSED_EXAMPLES) {
                    examples.add(new Refused(number, written.refusedField()));
                }
            }
        }
    }
}
