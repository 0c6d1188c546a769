package loomlab.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reference solution passes every check; every starter fails at least one. */
class SolutionsTest {
    static Stream<String> exercises() {
        return ExerciseCatalog.builtIn().exercises().stream().map(Exercise::id);
    }

    @ParameterizedTest
    @MethodSource("exercises")
    void theReferenceSolutionPassesEveryCheck(String id) {
        GradeReport report = Graded.grade(id, Graded.exercise(id).reference(), null);

        assertNull(report.compileError());
        assertEquals(ExerciseCatalog.checks(id).size(), report.checks().size());
        assertTrue(report.passed(), Graded.describe(report));
        assertEquals(1.0, report.score());
        report.checks().forEach(c -> {
            assertEquals(-1, c.seed());
            assertNull(c.failingRun());
            assertEquals("", c.message().en());
        });
    }

    @ParameterizedTest
    @MethodSource("exercises")
    void theStarterCompilesAndFailsAtLeastOneCheck(String id) {
        GradeReport report = Graded.grade(id, Graded.exercise(id).starter(), null);

        assertNull(report.compileError());
        assertEquals(ExerciseCatalog.checks(id).stream().map(CheckText::id).toList(),
                report.checks().stream().map(CheckResult::id).toList(), "in the order of exercise.properties");
        assertFalse(report.passed(), Graded.describe(report));
        assertTrue(report.score() < 1.0);
    }
}
