package loomlab.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import loomlab.lessons.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeReportFileTest {
    @TempDir
    Path dir;

    private static final Text AWKWARD = new Text("two\nlines, a \\n that is not one, a \\ alone, \r\n CRLF, trailing  ",
            "中文\n第二行 \\ 反斜杠 ✓✗");

    @Test
    void aReportWithPassedAndFailedChecksReadsBackEqual() throws IOException {
        GradeReport report = new GradeReport("worker-pool", null, List.of(
                new CheckResult("a", new Text("check a", "检查 a"), true, Text.of(""), Text.of(""), -1, null),
                new CheckResult("b", new Text("check b", "检查 b"), false, AWKWARD, new Text("hint", "提示"), 17,
                        dir.resolve("runs/worker-pool/b-seed-17.trace")),
                new CheckResult("c", Text.of("c"), false, Text.of(" "), Text.of(""), -1, null)));
        Path file = dir.resolve("report.txt");

        GradeReportFile.write(report, file);

        assertEquals(report, GradeReportFile.read(file));
    }

    @Test
    void aCompileErrorReportReadsBackEqual() throws IOException {
        GradeReport report = new GradeReport("fan-in", AWKWARD, List.of());

        assertEquals(report, GradeReportFile.parse(GradeReportFile.format(report)));
    }

    @Test
    void theFormatIsOneKeyAndValuePerLine() {
        GradeReport report = new GradeReport("x", null, List.of(
                new CheckResult("b", Text.of("B"), false, new Text("1\n2", "一"), Text.of("h"), 3, Path.of("/r/b.trace"))));

        assertEquals("""
                loomlab-grade-report 1
                exercise x
                check b
                name-en B
                name-zh B
                passed false
                message-en 1\\n2
                message-zh 一
                hint-en h
                hint-zh h
                seed 3
                run /r/b.trace
                end
                """, GradeReportFile.format(report));
    }

    @Test
    void aBrokenReportSaysWhichLine() {
        IOException e = assertThrows(IOException.class, () -> GradeReportFile.parse(
                "loomlab-grade-report 1\nexercise x\ncheck b\nname-en B\nname-zh B\npassed false\nseed 3\nend\n"));
        assertEquals("grade report, line 7: expected \"message-en\", found \"seed 3\"", e.getMessage());

        IOException version = assertThrows(IOException.class, () -> GradeReportFile.parse("loomlab-grade-report 9\n"));
        assertTrue(version.getMessage().contains("line 1"), version.getMessage());

        IOException escape = assertThrows(IOException.class, () -> GradeReportFile.parse(
                "loomlab-grade-report 1\nexercise x\\q\nend\n"));
        assertEquals("grade report, line 2: unknown escape \\q", escape.getMessage());
    }
}
