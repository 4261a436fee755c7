package dev.netlint.engine;

import dev.netlint.rules.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs independent rules side by side. Rules only read the model (shared derived values go through
 * {@link dev.netlint.model.Model#derived}), so each can run on any thread; results come back in rule
 * order whatever finished first, which keeps the output the same as a sequential run.
 */
final class RuleRunner {
    private RuleRunner() {
    }

    /** Each rule's result, in rule order. A rule's exception is rethrown, the first in rule order. */
    static <T> List<T> run(List<Rule> rules, int threads, Function<Rule, T> check) {
        List<T> out = new ArrayList<>(rules.size());
        if (threads <= 1 || rules.size() <= 1) {
            for (Rule r : rules) {
                out.add(check.apply(r));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, rules.size()), task -> {
            Thread t = new Thread(task, "netlint-rules");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> pending = new ArrayList<>(rules.size());
            for (Rule r : rules) {
                pending.add(pool.submit(() -> check.apply(r)));
            }
            for (Future<T> f : pending) {
                out.add(join(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rules ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
