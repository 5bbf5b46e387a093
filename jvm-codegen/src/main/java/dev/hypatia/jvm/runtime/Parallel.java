package dev.hypatia.jvm.runtime;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/**
 * The threads the run-time kernels split large work across: a dedicated pool of daemon threads
 * (ForkJoinPool workers), sized by {@link #setThreads(int)}, by default the system property {@code
 * hypatia.threads} or else the number of available processors.
 */
final class Parallel {
  private static volatile int threads = initialThreads();
  private static ForkJoinPool pool;

  private Parallel() {}

  private static int initialThreads() {
    int n = Integer.getInteger("hypatia.threads", Runtime.getRuntime().availableProcessors());
    return Math.max(1, n);
  }

  /** The number of threads a kernel may use (at least 1). */
  static int threads() {
    return threads;
  }

  /**
   * Sets the number of threads kernels may use.
   *
   * @throws IllegalArgumentException when {@code n < 1}
   */
  static void setThreads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("the thread count must be at least 1, got " + n);
    }
    threads = n;
  }

  private static synchronized ForkJoinPool pool(int size) {
    if (pool == null || pool.getParallelism() < size) {
      // The old pool is not shut down: another thread may be submitting to it right now. Its
      // daemon workers retire on their own once idle.
      pool = new ForkJoinPool(size);
    }
    return pool;
  }

  /**
   * Runs {@code body.accept(t)} for t in 0..tasks-1, task 0 on the calling thread and the others on
   * the pool, and returns when all are done (rethrowing the first failure).
   */
  static void run(int tasks, IntConsumer body) {
    ForkJoinPool p = pool(Math.max(1, tasks - 1));
    ForkJoinTask<?>[] forked = new ForkJoinTask<?>[tasks - 1];
    for (int t = 1; t < tasks; t++) {
      int id = t;
      forked[t - 1] = p.submit(() -> body.accept(id));
    }
    RuntimeException failure = null;
    try {
      body.accept(0);
    } catch (RuntimeException e) {
      failure = e;
    }
    for (ForkJoinTask<?> f : forked) {
      try {
        f.join();
      } catch (RuntimeException e) {
        // join rethrows a copy of the task's exception whose cause is the original.
        RuntimeException original =
            e.getCause() instanceof RuntimeException r && r.getClass() == e.getClass() ? r : e;
        failure = failure == null ? original : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
