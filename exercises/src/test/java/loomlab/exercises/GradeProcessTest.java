package loomlab.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import loomlab.engine.events.TraceReader;
import loomlab.exercises.grading.GradingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grading in a child JVM, end to end. */
class GradeProcessTest {
    @TempDir
    Path dir;

    @Test
    void aChildJvmGradesAndHandsBackTheReportWithItsSavedRun() throws Exception {
        Path source = dir.resolve("Merge.java");
        Files.writeString(source, Graded.wrong("fan-in", "never-closes"));
        Path runs = dir.resolve("runs");

        GradeProcess p = GradeProcess.start("fan-in", source, Locale.CHINESE, runs, Graded.FEW);
        GradeReport report = p.report().get(120, TimeUnit.SECONDS);

        assertEquals(List.of("outputIsClosedOnceAfterEveryInputIsDrained"), Graded.failedChecks(report),
                Graded.describe(report));
        CheckResult c = report.checks().get(3);
        assertTrue(c.message().zh().contains("合并后的 channel 却一直没有关闭"), c.message().zh());
        assertTrue(c.failingRun().startsWith(runs.resolve("fan-in")));
        assertFalse(TraceReader.read(c.failingRun()).events().isEmpty());
        assertFalse(p.isAlive());
    }

    @Test
    void cancelEndsTheChildAndFailsTheReport() throws Exception {
        Path source = dir.resolve("BoundedPool.java");
        Files.writeString(source, Graded.wrong("worker-pool", "spins"));

        GradeProcess p = GradeProcess.start("worker-pool", source, Locale.ENGLISH, dir.resolve("runs"),
                new GradingSettings(100, 3, Duration.ofSeconds(60)));
        p.cancel();

        assertThrows(CancellationException.class, () -> p.report().get(10, TimeUnit.SECONDS));
        assertTrue(p.report().isCompletedExceptionally());
        assertTrue(p.waitFor(10));
    }

    @Test
    void theChildRunsGradeMainOnThisJavaWithTheEnginesFlagsAndAHeapLimit() {
        List<String> cmd = GradeProcess.command("fan-in", Path.of("/w/Merge.java"), Locale.ENGLISH, Path.of("/runs"),
                GradingSettings.DEFAULT, Path.of("/tmp/g"));

        assertTrue(cmd.getFirst().endsWith("/bin/java"));
        assertEquals(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Xmx512m"), cmd.subList(1, 4));
        int main = cmd.indexOf(GradeMain.class.getName());
        assertEquals(List.of("fan-in", "--file", "/w/Merge.java", "--lang", "en", "--runs", "/runs",
                "--report", "/tmp/g/report.txt", "--seeds", "100", "--parallel", "3", "--time-limit", "20"),
                cmd.subList(main + 1, cmd.size()));
    }

    @Test
    void aMissingSourceFileEndsWithoutAReportAndSaysWhy() throws IOException {
        GradeProcess p = GradeProcess.start("fan-in", dir.resolve("Missing.java"), Locale.ENGLISH, dir, Graded.FEW);

        ExecutionException e = assertThrows(ExecutionException.class, () -> p.report().get(60, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().startsWith("grading ended without a report (exit code 2)"),
                e.getCause().getMessage());
        assertTrue(e.getCause().getMessage().contains("cannot read"), e.getCause().getMessage());
    }
}
