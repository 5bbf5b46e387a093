package dev.hypatia.jvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {
  @Test
  void run_callsEveryTaskOnce() {
    AtomicIntegerArray seen = new AtomicIntegerArray(5);
    Parallel.run(5, seen::incrementAndGet);
    for (int t = 0; t < 5; t++) {
      assertEquals(1, seen.get(t), "task " + t);
    }
  }

  @Test
  void run_rethrowsAFailureOfAnyTask() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Parallel.run(
                    3,
                    t -> {
                      if (t == 2) {
                        throw new IllegalStateException("task 2 failed");
                      }
                    }));
    assertEquals("task 2 failed", e.getMessage());
  }
}
