package org.dorsal.examples.cds;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server's executor: a fixed pool of workers behind a bounded queue. A request that finds
 * both full is not dropped (the JDK server would close the connection without an answer) but run
 * on a few shedding threads, where {@link Dispatch} answers it 503 with Retry-After at once, without
 * reading it; when even their queue is full, the server's dispatcher thread answers it the
 * same way. So past its bounds the service still answers, fast, and only with 503.
 *
 * <p>It also counts the requests it has accepted and not yet finished, so that a shutdown can wait
 * for exactly those.
 */
final class Workers implements Executor {
    private static final ThreadLocal<Boolean> SHEDDING = ThreadLocal.withInitial(() -> false);
    /** 503s are cheap: a generous queue before the dispatcher thread itself has to answer them. */
    private static final int SHED_QUEUE = 1024;
    /**
     * Each 503 still reads the request's headers and drops its body, at the client's pace: a few
     * threads, so that one slow client does not hold up every other refusal.
     */
    private static final int SHED_THREADS = 4;

    private final ThreadPoolExecutor pool;
    private final ThreadPoolExecutor shed;
    private final AtomicInteger unfinished = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean draining;

    Workers(int threads, int queue) {
        if (threads < 1 || queue < 0) {
            throw new IllegalArgumentException("workers need at least one thread and a queue of 0 or more, got "
                    + threads + " and " + queue);
        }
        AtomicInteger n = new AtomicInteger();
        // A queue of 0 means no waiting at all: a SynchronousQueue hands over or refuses.
        this.shed = new ThreadPoolExecutor(SHED_THREADS, SHED_THREADS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(SHED_QUEUE),
                r -> daemon(r, "cds-shed"), new ThreadPoolExecutor.CallerRunsPolicy());
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                queue == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                r -> daemon(r, "cds-http-" + n.incrementAndGet()),
                (task, full) -> shed.execute(() -> {
                    SHEDDING.set(true);
                    try {
                        task.run();
                    } finally {
                        SHEDDING.set(false);
                    }
                }));
        pool.prestartAllCoreThreads();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void execute(Runnable exchange) {
        unfinished.incrementAndGet();
        pool.execute(() -> {
            try {
                exchange.run();
            } finally {
                if (unfinished.decrementAndGet() == 0) {
                    synchronized (idle) {
                        idle.notifyAll();
                    }
                }
            }
        });
    }

    /** Whether the request on this thread came past the pool's bounds and is to be answered 503. */
    static boolean shedding() {
        return SHEDDING.get();
    }

    /** From now on every new request is answered 503: the service is stopping. */
    void drain() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }

    /** Requests accepted and not yet answered: queued, running, or being shed. */
    int unfinished() {
        return unfinished.get();
    }

    /** Waits until every accepted request is answered, or {@code millis} have passed; true if all were. */
    boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (idle) {
            while (unfinished.get() > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                idle.wait(left);
            }
        }
        return true;
    }

    void shutdown() {
        pool.shutdownNow();
        shed.shutdownNow();
    }
}
