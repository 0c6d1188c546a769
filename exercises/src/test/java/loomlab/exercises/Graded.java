package loomlab.exercises;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import loomlab.exercises.grading.GradingSettings;

/** Grades solutions in this JVM with few schedules: the tests' point is rarely the seed count. */
final class Graded {
    /** Enough schedules to find the interleavings these small programs have; one parallel run. */
    static final GradingSettings FEW = new GradingSettings(8, 1, Duration.ofSeconds(20));

    private Graded() {
    }

    static Exercise exercise(String id) {
        return ExerciseCatalog.builtIn().exercise(id).orElseThrow(() -> new AssertionError("no exercise " + id));
    }

    static GradeReport grade(String id, String source, Path runs) {
        return Grader.grade(exercise(id), source, Locale.ENGLISH, runs, FEW);
    }

    /** A deliberately wrong solution: {@code src/test/resources/wrong/<exercise>/<name>.java}. */
    static String wrong(String exercise, String name) {
        String path = "/wrong/" + exercise + "/" + name + ".java";
        try (InputStream in = Graded.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The ids of the checks that failed. */
    static List<String> failedChecks(GradeReport report) {
        return report.checks().stream().filter(c -> !c.passed()).map(CheckResult::id).toList();
    }

    /** A report as a person reads it, for assertion messages. */
    static String describe(GradeReport report) {
        StringBuilder b = new StringBuilder();
        if (report.compileError() != null) {
            b.append("compile error: ").append(report.compileError().en()).append('\n');
        }
        for (CheckResult c : report.checks()) {
            b.append(c.passed() ? "PASS " : "FAIL ").append(c.id()).append('\n');
            if (!c.passed()) {
                b.append("  ").append(c.message().en().replace("\n", "\n  ")).append('\n');
            }
        }
        return b.toString();
    }
}
