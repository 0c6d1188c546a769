package loomlab.exercises;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import loomlab.exercises.grading.GradingSettings;
import loomlab.lessons.Text;

/**
 * Grades a submission in a child JVM (learner code may spin, exhaust memory or call
 * {@code System.exit}; none of that may reach the workbench). The parent's side: start, wait for
 * the {@link GradeReport}, or cancel.
 *
 * <p>The child is {@link GradeMain} on this JVM's {@code java} and class path, with
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED} (the engine's scheduler) and a heap limit;
 * it writes the report to a temporary file in the {@link GradeReportFile} format, which the parent
 * reads when the child has exited. Its terminal output goes to a log file beside the report, kept
 * only for the message of a child that ends without a report.
 * <pre>{@code
 * GradeProcess p = GradeProcess.start("worker-pool", file, Locale.CHINESE, runsDir);
 * p.report().thenAccept(report -> ...);   // on a pool thread; hop to the FX thread yourself
 * p.cancel();                             // the Stop button: report() then fails with CancellationException
 * }</pre>
 */
public final class GradeProcess {
    /** The child's heap limit. */
    static final String MAX_HEAP = "512m";

    private final Process process;
    private final Path dir;
    private final CompletableFuture<GradeReport> report = new CompletableFuture<>();
    private volatile boolean canceled;

    private GradeProcess(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
        process.onExit().whenComplete((p, e) -> finished());
    }

    /**
     * Starts grading {@code sourceFile} against exercise {@code exerciseId}; messages in
     * {@code locale}'s language; failing runs are saved as traces under {@code runsDir}.
     */
    public static GradeProcess start(String exerciseId, Path sourceFile, Locale locale, Path runsDir)
            throws IOException {
        return start(exerciseId, sourceFile, locale, runsDir, GradingSettings.DEFAULT);
    }

    /** {@link #start(String, Path, Locale, Path)} with other settings (fewer seeds, a shorter limit). */
    public static GradeProcess start(String exerciseId, Path sourceFile, Locale locale, Path runsDir,
                                     GradingSettings settings) throws IOException {
        Objects.requireNonNull(exerciseId, "exerciseId");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(runsDir, "runsDir");
        Path dir = Files.createTempDirectory("loomlab-grade");
        ProcessBuilder pb = new ProcessBuilder(command(exerciseId, sourceFile, locale, runsDir, settings, dir));
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("output.log").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        return new GradeProcess(pb.start(), dir);
    }

    static List<String> command(String exerciseId, Path sourceFile, Locale locale, Path runsDir,
                                GradingSettings settings, Path dir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Xmx" + MAX_HEAP,
                "-XX:+ExitOnOutOfMemoryError", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8"));
        String home = System.getProperty("loomlab.home");
        if (home != null) {
            cmd.add("-Dloomlab.home=" + home);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), GradeMain.class.getName(), exerciseId,
                "--file", sourceFile.toAbsolutePath().toString(),
                "--lang", Text.isChinese(locale) ? "zh" : "en",
                "--runs", runsDir.toAbsolutePath().toString(),
                "--report", dir.resolve("report.txt").toString(),
                "--seeds", Integer.toString(settings.seeds()),
                "--parallel", Integer.toString(settings.parallelRuns()),
                "--time-limit", Long.toString(Math.max(1, settings.timeLimit().toSeconds()))));
        return cmd;
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** Completes with the report once the child has finished. */
    public CompletableFuture<GradeReport> report() {
        return report;
    }

    /** Ends the child at once; {@link #report()} then completes exceptionally. */
    public void cancel() {
        canceled = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        report.completeExceptionally(new CancellationException("grading was canceled"));
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to {@code seconds} for the child to end; true if it has. */
    boolean waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    private void finished() {
        Path file = dir.resolve("report.txt");
        Path log = dir.resolve("output.log");
        try {
            if (canceled) {
                report.completeExceptionally(new CancellationException("grading was canceled"));
            } else if (Files.isRegularFile(file)) {
                report.complete(GradeReportFile.read(file));
            } else {
                String output = Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
                report.completeExceptionally(new IOException("grading ended without a report (exit code "
                        + process.exitValue() + ")" + (output.isEmpty() ? "" : ":\n" + tail(output))));
            }
        } catch (IOException | RuntimeException e) {
            report.completeExceptionally(e);
        } finally {
            deleteQuietly(file);
            deleteQuietly(log);
            deleteQuietly(dir);
        }
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : "…" + s.substring(s.length() - 4000);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // A temporary file; the system cleans its temporary directory.
        }
    }
}
