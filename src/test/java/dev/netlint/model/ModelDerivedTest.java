package dev.netlint.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Derived values are computed once per model, even when rules on several threads ask at once. */
class ModelDerivedTest {

    @Test
    void aDerivedValueMayAskForAnother() {
        Model model = new Model();
        String outer = model.derived("outer", m -> m.derived("inner", n -> "in") + "+out");
        assertThat(outer).isEqualTo("in+out");
        assertThat(model.<String>derived("inner", n -> "recomputed")).isEqualTo("in");
    }

    @Test
    void threadsAskingAtOnceShareOneComputation() throws Exception {
        Model model = new Model();
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return model.derived("key", m -> {
                        computations.incrementAndGet();
                        return new Object();
                    });
                }));
            }
            start.countDown();
            Object first = answers.get(0).get();
            for (Future<Object> a : answers) {
                assertThat(a.get()).isSameAs(first);
            }
            assertThat(computations).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
