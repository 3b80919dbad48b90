package dev.mercato.storage.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs tasks as racing instances would: released together, then waited for. */
final class Race {
    private Race() {}

    /**
     * Runs the tasks on {@code threads} threads (all at once when there are as many), released
     * together, and waits for every one, at most two minutes each.
     *
     * @param threads the threads, at least 1
     * @param tasks the tasks
     * @param <T> what a task returns
     * @return the results, in the tasks' order
     * @throws Exception what a task threw, or a timeout
     */
    static <T> List<T> run(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs each task on its own thread, released together, and waits for all.
     *
     * @param tasks the tasks
     * @param <T> what a task returns
     * @return the results, in the tasks' order
     * @throws Exception what a task threw, or a timeout
     */
    static <T> List<T> run(List<Callable<T>> tasks) throws Exception {
        return run(tasks.size(), tasks);
    }
}
