package loomlab.exercises;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Grades a submission in a child JVM (learner code may spin, exhaust memory or call
 * {@code System.exit}; none of that may reach the workbench). The parent's side: start, wait for
 * the {@link GradeReport}, or cancel.
 */
public final class GradeProcess {
    private GradeProcess() {
    }

    /**
     * Starts grading {@code sourceFile} against exercise {@code exerciseId}; messages in
     * {@code locale}'s language; failing runs are saved as traces under {@code runsDir}.
     */
    public static GradeProcess start(String exerciseId, Path sourceFile, Locale locale, Path runsDir)
            throws IOException {
        throw new UnsupportedOperationException("grading is not written yet (issue 7)");
    }

    /** Completes with the report once the child has finished. */
    public CompletableFuture<GradeReport> report() {
        throw new UnsupportedOperationException("grading is not written yet (issue 7)");
    }

    /** Ends the child at once; {@link #report()} then completes exceptionally. */
    public void cancel() {
    }
}
