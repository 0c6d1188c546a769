package loomlab.app.viewmodel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import loomlab.app.store.Progress;
import loomlab.exercises.Exercise;
import loomlab.exercises.GradeProcess;
import loomlab.exercises.GradeReport;

/**
 * The exercises, the one on show, its hints (revealed one at a time), and its grading, which runs in
 * a child JVM ({@link GradeProcess}). The best score of each exercise is kept in the progress.
 *
 * <p>FX thread (or one test thread) only; the grade's result comes back through {@code ui}.
 */
public final class ExerciseViewModel {
    public enum Grading { IDLE, GRADING, GRADED, FAILED }

    /** Starts grading; the workbench's is {@link GradeProcess}, a test's a fake. */
    public interface Grader {
        /** A grading under way: its report to come, and how to cancel it. */
        record Started(CompletableFuture<GradeReport> report, Runnable cancel) {
        }

        Started start(String exerciseId, Path sourceFile, Locale locale, Path runsDir) throws IOException;

        /** Grades in a child JVM. */
        static Grader childJvm() {
            return (id, file, locale, runs) -> {
                GradeProcess p = GradeProcess.start(id, file, locale, runs);
                return new Started(p.report(), p::cancel);
            };
        }
    }

    private final ObservableList<Exercise> exercises = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Exercise> exercise = new ReadOnlyObjectWrapper<>(this, "exercise");
    private final ReadOnlyIntegerWrapper hintsShown = new ReadOnlyIntegerWrapper(this, "hintsShown", 0);
    private final ReadOnlyObjectWrapper<Grading> grading = new ReadOnlyObjectWrapper<>(this, "grading", Grading.IDLE);
    private final ReadOnlyObjectWrapper<GradeReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ObjectProperty<Progress> progress;
    private final Consumer<Progress> saveProgress;
    private final Grader grader;
    private final Executor ui;
    private Grader.Started running;

    /** @param progress shared with the lessons' ViewModel */
    public ExerciseViewModel(List<Exercise> exercises, ObjectProperty<Progress> progress,
                             Consumer<Progress> saveProgress, Grader grader, Executor ui) {
        this.exercises.setAll(exercises);
        this.progress = progress;
        this.saveProgress = saveProgress;
        this.grader = grader;
        this.ui = ui;
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<Exercise> exercises() {
        return FXCollections.unmodifiableObservableList(exercises);
    }

    /** The exercise on show, or null when a lesson step is. */
    public ReadOnlyObjectProperty<Exercise> exerciseProperty() {
        return exercise.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty hintsShownProperty() {
        return hintsShown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Grading> gradingProperty() {
        return grading.getReadOnlyProperty();
    }

    /** The last grade of the exercise on show; null before one. */
    public ReadOnlyObjectProperty<GradeReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The best score of {@code e} so far, or -1 if never graded. */
    public double bestScore(Exercise e) {
        return progress.get().bestScore().getOrDefault(e.id(), -1.0);
    }

    // ---------------------------------------------------------------- commands

    public boolean select(String id) {
        for (Exercise e : exercises) {
            if (e.id().equals(id)) {
                show(e);
                return true;
            }
        }
        return false;
    }

    public void show(Exercise e) {
        if (exercise.get() == e) {
            return;
        }
        cancel();
        exercise.set(e);
        hintsShown.set(0);
        report.set(null);
        grading.set(Grading.IDLE);
    }

    public void clear() {
        cancel();
        exercise.set(null);
    }

    /** Shows one more hint, if there is one. */
    public void revealHint() {
        Exercise e = exercise.get();
        if (e != null && hintsShown.get() < e.hints().size()) {
            hintsShown.set(hintsShown.get() + 1);
        }
    }

    /** Grades {@code sourceFile} (the learner's saved code) in a child JVM. */
    public void grade(Path sourceFile, Locale locale, Path runsDir) {
        Exercise e = exercise.get();
        if (e == null || grading.get() == Grading.GRADING) {
            return;
        }
        report.set(null);
        notice.set(null);
        Grader.Started started;
        try {
            started = grader.start(e.id(), sourceFile, locale, runsDir);
        } catch (IOException | RuntimeException failure) {
            gradeFailed(String.valueOf(failure.getMessage()));
            return;
        }
        running = started;
        grading.set(Grading.GRADING);
        started.report().whenComplete((r, failure) -> ui.execute(() -> {
            if (running != started) {
                return; // cancelled, or another exercise is on show
            }
            running = null;
            if (failure != null) {
                gradeFailed(String.valueOf(failure.getMessage()));
            } else {
                graded(e, r);
            }
        }));
    }

    private void graded(Exercise e, GradeReport r) {
        report.set(r);
        grading.set(Grading.GRADED);
        if (r.score() > bestScore(e)) {
            progress.set(progress.get().withScore(e.id(), r.score()));
            saveProgress.accept(progress.get());
        }
    }

    private void gradeFailed(String why) {
        notice.set(Notice.error("notice.gradeFailed", why));
        grading.set(Grading.FAILED);
    }

    /** Ends a grading under way. */
    public void cancel() {
        if (running != null) {
            running.cancel().run();
            running = null;
            grading.set(Grading.IDLE);
        }
    }
}
