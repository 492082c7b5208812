package io.deadair.jobs.spark;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A few driver threads for independent small Spark jobs, so that planning one on the driver
 * overlaps another's tasks on the executors. Failures come back as the task's own exception.
 */
public final class DriverPool implements AutoCloseable {

  private final ExecutorService pool;

  public DriverPool(String name, int threads) {
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  public <T> Future<T> submit(Callable<T> task) {
    return pool.submit(task);
  }

  /** The task's result, or its own runtime exception. */
  public static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a Spark job", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
