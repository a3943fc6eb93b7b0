package org.chunfeng.jobs.matching;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Work on each of a batch's workers, spread over every core: the searches and checks, and the reads of every worker's
 * arcs that would otherwise leave a core idle between bids. Each worker's task may write only that worker's entries.
 */
final class EveryCore {

    /** Workers per share handed out: enough that taking one is rare, few enough that the cores finish together. */
    private static final int CHUNK = 512;

    private EveryCore() {
    }

    /** {@code task} for every worker 0 ≤ i < n, with scratch state made once per thread. */
    static <S> void forEachWorker(int n, Supplier<S> scratch, WorkerTask<S> task) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        AtomicInteger next = new AtomicInteger();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), chunks));
        IntStream.range(0, threads).parallel().forEach(t -> {
            S s = scratch.get();
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                    task.run(s, i);
                }
            }
        });
    }

    /** The same without scratch state. */
    static void forEachWorker(int n, IntConsumer task) {
        forEachWorker(n, () -> null, (none, i) -> task.accept(i));
    }

    interface WorkerTask<S> {
        void run(S scratch, int worker);
    }
}
