package org.dorsal.governance;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * A parallel map over a stream of items whose results come back in input order, with a bounded
 * number of items in flight, so that memory stays the same whatever the input's size.
 *
 * <p>One thread reads items into chunks, {@code threads} workers each keep a state of their own (a
 * reader, a tally: whatever is not thread-safe) and map the chunks, and the calling thread hands the
 * results to the sink in input order. Chunks amortise the hand-offs; the window (chunks that are
 * read and not yet written) bounds memory and lets a slow chunk hold up at most that much.
 *
 * <p>A worker that throws, or a source or sink that fails, ends the run: the error is thrown from
 * {@link #run} and no further result is handed on. Nothing is retried.
 *
 * @param <I> what the source yields
 * @param <S> a worker's own state
 * @param <O> what a worker makes of one item
 */
final class OrderedParallel<I, S, O> {
    static final int CHUNK = 64;
    static final int CHUNKS_PER_THREAD = 8;

    /** Yields items in order; null when there are no more. Called from one thread only. */
    interface Source<I> {
        I next() throws IOException;
    }

    /** Maps item {@code number} (from 1) with the worker's own state. */
    interface Work<I, S, O> {
        O apply(S state, long number, I item);
    }

    /** Takes the results in input order, on the thread that called {@link #run}. */
    interface Sink<O> {
        void accept(long number, O result) throws IOException;
    }

    private final int threads;
    private final int chunk;
    private final int window;
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong peakInFlight = new AtomicLong();

    OrderedParallel(int threads, int chunk, int window) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (chunk < 1 || window < 1) {
            throw new IllegalArgumentException("chunk and window must be at least 1, got " + chunk + " and " + window);
        }
        this.threads = threads;
        this.chunk = chunk;
        this.window = window;
    }

    /** The defaults: chunks of {@value #CHUNK}, {@value #CHUNKS_PER_THREAD} chunks per worker in flight. */
    static <I, S, O> OrderedParallel<I, S, O> withThreads(int threads) {
        return new OrderedParallel<>(threads, CHUNK, CHUNKS_PER_THREAD * threads);
    }

    /** The most items that can be in flight: read and not yet handed to the sink. */
    long bound() {
        return (long) chunk * window;
    }

    /** The most items that were in flight at once during the last run. */
    long peakInFlight() {
        return peakInFlight.get();
    }

    /**
     * Maps every item of {@code source} and hands each result to {@code sink} in input order;
     * {@code progress} hears the number of results handed on so far, after each chunk.
     *
     * @return the workers' states, e.g. to merge what they counted
     * @throws IOException if the source or the sink failed
     */
    List<S> run(Source<I> source, Supplier<S> state, Work<I, S, O> work, Sink<O> sink, LongConsumer progress)
            throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(progress, "progress");
        inFlight.set(0);
        peakInFlight.set(0);
        Semaphore permits = new Semaphore(window);
        // Both hold at most `window` chunks, since each chunk holds a permit until it is written.
        BlockingQueue<Chunk> ordered = new ArrayBlockingQueue<>(window + 1);
        BlockingQueue<Chunk> pending = new ArrayBlockingQueue<>(window + threads);
        List<Worker> workers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            workers.add(new Worker(i, pending, state, work));
        }
        Thread reader = daemon("dorsal-lines-reader", () -> read(source, permits, ordered, pending));
        workers.forEach(w -> w.thread.start());
        reader.start();
        try {
            long done = 0;
            while (true) {
                Chunk c = ordered.take();
                if (c == Chunk.END) {
                    break;
                }
                c.done.await();
                if (c.failure != null) {
                    throw c.failure;
                }
                for (int j = 0; j < c.size; j++) {
                    @SuppressWarnings("unchecked")
                    O result = (O) c.results[j];
                    sink.accept(c.first + j, result);
                }
                done += c.size;
                inFlight.addAndGet(-c.size);
                permits.release();
                progress.accept(done);
            }
            for (Worker w : workers) {
                w.thread.join();
            }
        } catch (InterruptedException e) {
            stop(reader, workers);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the lines were being processed");
        } catch (IOException | RuntimeException | Error e) {
            stop(reader, workers);
            throw e;
        } catch (Throwable e) {
            stop(reader, workers);
            throw new IllegalStateException(e);
        }
        List<S> states = new ArrayList<>(threads);
        workers.forEach(w -> states.add(w.state));
        return states;
    }

    private void read(Source<I> source, Semaphore permits, BlockingQueue<Chunk> ordered, BlockingQueue<Chunk> pending) {
        try {
            long next = 1;
            boolean more = true;
            while (more) {
                permits.acquire();
                Chunk c = new Chunk(next, chunk);
                I item = null;
                while (c.size < chunk && (item = source.next()) != null) {
                    c.items[c.size++] = item;
                }
                more = item != null;
                if (c.size == 0) {
                    break;
                }
                next += c.size;
                peakInFlight.accumulateAndGet(inFlight.addAndGet(c.size), Math::max);
                ordered.put(c);
                pending.put(c);
            }
            ordered.put(Chunk.END);
        } catch (InterruptedException e) {
            return; // the run was stopped
        } catch (IOException | RuntimeException | Error e) {
            ordered.offer(Chunk.failed(e));
        }
        for (int i = 0; i < threads; i++) {
            pending.offer(Chunk.END);
        }
    }

    private void stop(Thread reader, List<Worker> workers) {
        reader.interrupt();
        workers.forEach(w -> w.thread.interrupt());
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        // A reader blocked on a pipe that never closes must not keep the JVM alive after a failure.
        t.setDaemon(true);
        return t;
    }

    /** One worker thread and the state it alone touches. */
    private final class Worker {
        final Thread thread;
        S state;

        Worker(int index, BlockingQueue<Chunk> pending, Supplier<S> newState, Work<I, S, O> work) {
            this.thread = daemon("dorsal-lines-worker-" + index, () -> loop(pending, newState, work));
        }

        private void loop(BlockingQueue<Chunk> pending, Supplier<S> newState, Work<I, S, O> work) {
            Throwable broken = null;
            try {
                state = newState.get();
            } catch (RuntimeException | Error e) {
                broken = e;
            }
            while (true) {
                Chunk c;
                try {
                    c = pending.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (c == Chunk.END) {
                    return;
                }
                try {
                    if (broken != null) {
                        throw broken;
                    }
                    for (int j = 0; j < c.size; j++) {
                        @SuppressWarnings("unchecked")
                        I item = (I) c.items[j];
                        c.results[j] = work.apply(state, c.first + j, item);
                        c.items[j] = null;
                    }
                } catch (Throwable e) {
                    c.failure = e;
                } finally {
                    c.done.countDown();
                }
            }
        }
    }

    /** Consecutive items, numbered from {@code first}, and their results once {@code done}. */
    private static final class Chunk {
        static final Chunk END = new Chunk(0, 0);

        final long first;
        final Object[] items;
        final Object[] results;
        final CountDownLatch done = new CountDownLatch(1);
        int size;
        /** Written before {@code done} counts down, read after it. */
        Throwable failure;

        Chunk(long first, int capacity) {
            this.first = first;
            this.items = new Object[capacity];
            this.results = new Object[capacity];
        }

        static Chunk failed(Throwable failure) {
            Chunk c = new Chunk(0, 0);
            c.failure = failure;
            c.done.countDown();
            return c;
        }
    }
}
