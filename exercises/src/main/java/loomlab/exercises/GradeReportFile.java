package loomlab.exercises;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import loomlab.lessons.Text;

/**
 * A {@link GradeReport} as a text file: how the grading child JVM hands its report to the app.
 * Reading gives back a report equal to the one written.
 * <pre>
 * loomlab-grade-report 1
 * exercise worker-pool
 * compile-error-en …        (both only if it did not compile)
 * compile-error-zh …
 * check everyJobIsProcessedExactlyOnce
 * name-en every job is processed exactly once
 * name-zh …
 * passed false
 * message-en Failed under schedule 17 of 100 (seed 17).\n…
 * message-zh …
 * hint-en …
 * hint-zh …
 * seed 17
 * run /home/ann/.loomlab/runs/worker-pool/everyJobIsProcessedExactlyOnce-seed-17.trace   (only if saved)
 * end
 * </pre>
 * One {@code key value} per line, UTF-8; {@code check} starts a check and {@code end} ends the
 * report. In values, backslash, line feed and carriage return are written {@code \\}, {@code \n}
 * and {@code \r}, so every value is one line and keeps every character.
 */
public final class GradeReportFile {
    static final String MAGIC = "loomlab-grade-report";
    static final int VERSION = 1;

    private GradeReportFile() {
    }

    /** Writes {@code report} to {@code file}, atomically: a reader never sees half a report. */
    public static void write(GradeReport report, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, format(report), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static GradeReport read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static String format(GradeReport report) {
        StringBuilder out = new StringBuilder();
        line(out, MAGIC, Integer.toString(VERSION));
        line(out, "exercise", report.exercise());
        if (report.compileError() != null) {
            text(out, "compile-error", report.compileError());
        }
        for (CheckResult c : report.checks()) {
            line(out, "check", c.id());
            text(out, "name", c.name());
            line(out, "passed", Boolean.toString(c.passed()));
            text(out, "message", c.message());
            text(out, "hint", c.hint());
            line(out, "seed", Long.toString(c.seed()));
            if (c.failingRun() != null) {
                line(out, "run", c.failingRun().toString());
            }
        }
        out.append("end\n");
        return out.toString();
    }

    public static GradeReport parse(String content) throws IOException {
        Lines in = new Lines(content);
        in.expect(MAGIC, Integer.toString(VERSION));
        String exercise = in.value("exercise");
        Text compileError = in.peekIs("compile-error-en") ? in.text("compile-error") : null;
        List<CheckResult> checks = new ArrayList<>();
        while (in.peekIs("check")) {
            String id = in.value("check");
            Text name = in.text("name");
            boolean passed = Boolean.parseBoolean(in.value("passed"));
            Text message = in.text("message");
            Text hint = in.text("hint");
            long seed = in.number("seed");
            Path run = in.peekIs("run") ? Path.of(in.value("run")) : null;
            checks.add(new CheckResult(id, name, passed, message, hint, seed, run));
        }
        in.expect("end", "");
        return new GradeReport(exercise, compileError, checks);
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append(' ').append(escape(value)).append('\n');
    }

    private static void text(StringBuilder out, String key, Text t) {
        line(out, key + "-en", t.en());
        line(out, key + "-zh", t.zh());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** The lines of a report, read in order; every error names the line. */
    private static final class Lines {
        private final String[] lines;
        private int next;

        Lines(String content) {
            this.lines = content.split("\n", -1);
        }

        boolean peekIs(String key) {
            return next < lines.length && key.equals(keyOf(lines[next]));
        }

        String value(String key) throws IOException {
            if (!peekIs(key)) {
                throw new IOException("grade report, line " + (next + 1) + ": expected \"" + key + "\", found \""
                        + (next < lines.length ? lines[next] : "the end") + "\"");
            }
            String line = lines[next++];
            int space = line.indexOf(' ');
            return space < 0 ? "" : unescape(line.substring(space + 1), next);
        }

        void expect(String key, String value) throws IOException {
            String v = value(key);
            if (!v.equals(value)) {
                throw new IOException("grade report, line " + next + ": expected \"" + key + " " + value
                        + "\" (a report of another LoomLab version?)");
            }
        }

        Text text(String key) throws IOException {
            return new Text(value(key + "-en"), value(key + "-zh"));
        }

        long number(String key) throws IOException {
            String v = value(key);
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IOException("grade report, line " + next + ": " + key + " is not a number: " + v);
            }
        }

        private static String keyOf(String line) {
            int space = line.indexOf(' ');
            return space < 0 ? line : line.substring(0, space);
        }

        private static String unescape(String s, int lineNumber) throws IOException {
            StringBuilder out = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (++i == s.length()) {
                    throw new IOException("grade report, line " + lineNumber + ": a lone backslash at its end");
                }
                switch (s.charAt(i)) {
                    case '\\' -> out.append('\\');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    default -> throw new IOException("grade report, line " + lineNumber + ": unknown escape \\"
                            + s.charAt(i));
                }
            }
            return out.toString();
        }
    }
}
