package dev.netlint;

import dev.netlint.engine.LintResult;
import dev.netlint.engine.Linter;
import dev.netlint.rules.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules run on several threads report the same findings, in the same order, as one after another. */
class ParallelRulesTest {

    @Test
    void fixturesGiveTheSameFindingsOnOneThreadAndOnSeveral() {
        LintResult sequential = new Linter(TestSettings.forFixtures()).ruleThreads(1).lint(List.of("fixtures"));
        assertThat(sequential.findings()).as("the fixtures give findings").hasSizeGreaterThan(100);
        for (int threads : new int[] {2, 8}) {
            LintResult parallel = new Linter(TestSettings.forFixtures()).ruleThreads(threads).lint(List.of("fixtures"));
            assertThat(describe(parallel.findings())).as("%d threads", threads)
                    .containsExactlyElementsOf(describe(sequential.findings()));
            assertThat(parallel.findings()).containsExactlyElementsOf(sequential.findings());
            assertThat(parallel.errors()).containsExactlyElementsOf(sequential.errors());
        }
    }

    private static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.location() + " " + f.severity() + " " + f.message()).toList();
    }
}
