package loomlab.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int grade(String... args) {
        return GradeMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String source) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, source);
        return f;
    }

    @Test
    void aPassingSolutionExitsZeroWithEveryCheckTicked() throws IOException {
        Path f = file("Deadline.java", Graded.exercise("call-with-timeout").reference());

        int status = grade("call-with-timeout", "--file", f.toString(), "--lang", "en", "--seeds", "3", "--parallel", "0");

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals("Grading call-with-timeout (A call with a timeout, with select), code from " + f + "\n"
                + "\n✓ a fast answer is returned\n"
                + "\n✓ a fast answer is returned as soon as it arrives\n"
                + "\n✓ a slow answer gives the fallback, exactly at the timeout\n"
                + "\n✓ the call is made exactly once\n"
                + "\n✓ no goroutine is left behind after a timeout\n"
                + "\nScore: 100% (5 of 5 checks passed)\n", out());
    }

    @Test
    void aFailingSolutionExitsOneWithMessageHintRunAndScore() throws IOException {
        Path f = file("Deadline.java", Graded.wrong("call-with-timeout", "unbuffered-answer"));
        Path runs = dir.resolve("runs");
        Path report = dir.resolve("report.txt");

        int status = grade("call-with-timeout", "--file", f.toString(), "--lang", "en", "--seeds", "3",
                "--parallel", "0", "--runs", runs.toString(), "--report", report.toString());

        assertEquals(1, status);
        String text = out();
        assertTrue(text.contains("\n✗ no goroutine is left behind after a timeout\n"
                + "    Failed under schedule 1 of 3 (seed 1).\n"), text);
        assertTrue(text.contains("\n    Hint: After a timeout nobody receives the late answer"), text);
        Path saved = runs.resolve("call-with-timeout/noGoroutineIsLeftBehind-seed-1.trace");
        assertTrue(text.contains("    The failing run is saved: " + saved + "\n"), text);
        assertTrue(Files.isRegularFile(saved));
        assertTrue(text.endsWith("\nScore: 80% (4 of 5 checks passed)\n"), text);
        GradeReport read = GradeReportFile.read(report);
        assertEquals(0.8, read.score(), 1e-9);
        assertEquals(saved, read.checks().get(4).failingRun());
    }

    @Test
    void theReportCanBeInChinese() throws IOException {
        Path f = file("Deadline.java", Graded.wrong("call-with-timeout", "unbuffered-answer"));

        int status = grade("call-with-timeout", "--file", f.toString(), "--lang", "zh", "--seeds", "2", "--parallel", "0",
                "--runs", dir.resolve("runs").toString());

        assertEquals(1, status);
        String text = out();
        assertTrue(text.startsWith("评分：call-with-timeout (用 select 实现带超时的调用)，代码来自 "), text);
        assertTrue(text.contains("\n✗ 超时之后没有遗留的 goroutine\n    在第 1 个调度（共 2 个，种子 1）下失败。\n"), text);
        assertTrue(text.contains("    提示：超时之后再也没人接收迟到的答案"), text);
        assertTrue(text.endsWith("\n得分：80%（5 项检查通过了 4 项）\n"), text);
    }

    @Test
    void withoutAFileItGradesTheWorkspaceCopyElseTheStarter() throws IOException {
        String home = System.getProperty("loomlab.home");
        System.setProperty("loomlab.home", dir.toString());
        try {
            int starter = grade("first-error", "--lang", "en", "--seeds", "1", "--parallel", "0");
            assertEquals(1, starter);
            assertTrue(out().startsWith("Grading first-error (The first error cancels the rest (errgroup)), "
                    + "code from the starter code\n"), out());
            assertTrue(Files.isDirectory(dir.resolve("runs/first-error")), "failing runs go to <home>/runs");

            Path copy = dir.resolve("workspace/exercises/first-error/AllOrNothing.java");
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, Graded.exercise("first-error").reference());
            out.reset();
            int workspace = grade("first-error", "--lang", "en", "--seeds", "1", "--parallel", "0");
            assertEquals(0, workspace, out());
            assertTrue(out().startsWith("Grading first-error (The first error cancels the rest (errgroup)), code from "
                    + copy + "\n"), out());
        } finally {
            if (home == null) {
                System.clearProperty("loomlab.home");
            } else {
                System.setProperty("loomlab.home", home);
            }
        }
    }

    @Test
    void aCompileErrorIsPrintedAndExitsOne() throws IOException {
        Path f = file("BoundedPool.java", Graded.wrong("worker-pool", "does-not-compile"));

        assertEquals(1, grade("worker-pool", "--file", f.toString(), "--lang", "en"));
        assertTrue(out().contains("\nIt does not compile:\n    BoundedPool.java:9: error: ';' expected\n"), out());
        assertTrue(out().endsWith("\nScore: 0% (0 of 0 checks passed)\n"), out());
    }

    @Test
    void aBadCommandLineExitsTwo() {
        assertEquals(2, grade());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("loomlab grade: which exercise?\nUsage: ./loomlab grade"));
        assertEquals(2, grade("no-such-exercise"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("loomlab grade: no exercise no-such-exercise"));
        assertEquals(2, grade("fan-in", "--lang", "fr"));
        assertEquals(2, grade("fan-in", "--seeds", "0"));
        assertEquals(2, grade("fan-in", "--frobnicate"));
        assertEquals(2, grade("fan-in", "--file"));
        assertEquals(2, grade("fan-in", "--file", dir.resolve("Missing.java").toString()));
        assertFalse(out().contains("Score"));
    }

    @Test
    void helpExitsZeroAndListsTheExercises() {
        assertEquals(0, grade("--help"));
        assertTrue(out().contains("Exercises: worker-pool, fan-in, call-with-timeout, first-error, retry-with-backoff, "
                + "async-logger, loading-cache, in-order"), out());
    }
}
