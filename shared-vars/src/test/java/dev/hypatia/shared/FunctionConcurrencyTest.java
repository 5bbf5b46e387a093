package dev.hypatia.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hypatia.symbolic.DType;
import dev.hypatia.symbolic.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Calls from several threads lose no update. */
class FunctionConcurrencyTest {
  @ParameterizedTest
  @EnumSource(
      value = Backend.class,
      names = {"ASM", "INTERPRETER"})
  void eightThreads_incrementACounter_withoutLosingUpdates(Backend backend) throws Exception {
    SharedVariable counter = SharedVariable.shared(NDArray.scalarLong(DType.INT64, 0), "counter");
    Function inc =
        Function.builder()
            .outputs(counter)
            .update(counter, counter.add(1))
            .backend(backend)
            .build();
    Function peek = Function.builder().outputs(counter.mul(2)).backend(backend).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(
            pool.submit(
                () -> {
                  long seen = 0;
                  for (int i = 0; i < 125; i++) {
                    seen += inc.call().get(0).itemLong();
                    peek.call();
                  }
                  return seen;
                }));
      }
      long seenTotal = 0;
      for (Future<Long> f : futures) {
        seenTotal += f.get(60, TimeUnit.SECONDS);
      }
      assertEquals(1000, counter.get().itemLong());
      // every call saw a distinct old value 0..999
      assertEquals(999L * 1000 / 2, seenTotal);
    } finally {
      pool.shutdownNow();
    }
  }
}
