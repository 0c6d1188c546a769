package loomlab.app.viewmodel;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import loomlab.app.store.Progress;
import loomlab.lessons.Lesson;
import loomlab.lessons.Predict;
import loomlab.lessons.Step;

/**
 * The lessons, the step on show, the learner's prediction, and which steps are done.
 *
 * <p>A step is done once its example ran to its end (or, for a step without an example, once it
 * was opened). A prediction is chosen before the run and checked against it after: for a
 * first-line question the run's own output decides ({@link Predict#rightChoice}).
 *
 * <p>FX thread (or one test thread) only.
 */
public final class LessonViewModel {
    /**
     * A checked prediction.
     *
     * @param chosen the learner's choice, -1 if they ran without choosing
     * @param right  the right choice for this run, -1 if the run printed none of the choices
     */
    public record PredictResult(int chosen, int right) {
        public boolean correct() {
            return chosen >= 0 && chosen == right;
        }
    }

    private final ObservableList<Lesson> lessons = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step");
    private final IntegerProperty chosen = new SimpleIntegerProperty(this, "chosen", -1);
    private final ReadOnlyObjectWrapper<PredictResult> predictResult = new ReadOnlyObjectWrapper<>(this, "predictResult");
    private final ObjectProperty<Progress> progress = new SimpleObjectProperty<>(this, "progress", Progress.empty());
    private final Consumer<Progress> saveProgress;

    /** @param saveProgress called with the new progress each time a step is done */
    public LessonViewModel(List<Lesson> lessons, Progress progress, Consumer<Progress> saveProgress) {
        this.lessons.setAll(lessons);
        this.progress.set(progress);
        this.saveProgress = saveProgress;
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<Lesson> lessons() {
        return FXCollections.unmodifiableObservableList(lessons);
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The step on show, or null when an exercise is. */
    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The prediction chosen for the step on show, -1 for none. */
    public IntegerProperty chosenProperty() {
        return chosen;
    }

    /** The prediction checked against the last run of this step; null before it ends. */
    public ReadOnlyObjectProperty<PredictResult> predictResultProperty() {
        return predictResult.getReadOnlyProperty();
    }

    public ObjectProperty<Progress> progressProperty() {
        return progress;
    }

    public boolean isDone(Lesson l, Step s) {
        return progress.get().stepsDone().getOrDefault(l.id(), java.util.Set.of()).contains(s.id());
    }

    /** How many steps of {@code l} are done. */
    public long doneCount(Lesson l) {
        return l.steps().stream().filter(s -> isDone(l, s)).count();
    }

    // ---------------------------------------------------------------- commands

    /** Shows step {@code stepId} of lesson {@code lessonId}; false if there is none such. */
    public boolean select(String lessonId, String stepId) {
        for (Lesson l : lessons) {
            if (l.id().equals(lessonId)) {
                for (Step s : l.steps()) {
                    if (stepId == null || stepId.isEmpty() || s.id().equals(stepId)) {
                        show(l, s);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public void show(Lesson l, Step s) {
        if (lesson.get() == l && step.get() == s) {
            return;
        }
        lesson.set(Objects.requireNonNull(l));
        chosen.set(-1);
        predictResult.set(null);
        step.set(Objects.requireNonNull(s));
        if (s.example() == null) {
            markDone();
        }
    }

    /** Leaves the lessons for an exercise: no step is on show. */
    public void clear() {
        step.set(null);
        lesson.set(null);
        chosen.set(-1);
        predictResult.set(null);
    }

    /** The next step, in this lesson or the first of the next one; false at the very end. */
    public boolean next() {
        return move(1);
    }

    public boolean previous() {
        return move(-1);
    }

    private boolean move(int by) {
        Lesson l = lesson.get();
        Step s = step.get();
        if (l == null || s == null) {
            return false;
        }
        int i = l.steps().indexOf(s) + by;
        if (i >= 0 && i < l.steps().size()) {
            show(l, l.steps().get(i));
            return true;
        }
        int li = lessons.indexOf(l) + by;
        if (li < 0 || li >= lessons.size()) {
            return false;
        }
        Lesson other = lessons.get(li);
        show(other, by > 0 ? other.steps().getFirst() : other.steps().getLast());
        return true;
    }

    /**
     * The step's example ran to its end and printed {@code output}: checks the prediction and marks
     * the step done.
     */
    public void runEnded(List<String> output) {
        Step s = step.get();
        if (s == null) {
            return;
        }
        if (s.predict() != null) {
            predictResult.set(new PredictResult(chosen.get(), s.predict().rightChoice(output)));
        }
        markDone();
    }

    private void markDone() {
        Lesson l = lesson.get();
        Step s = step.get();
        if (l != null && s != null && !isDone(l, s)) {
            progress.set(progress.get().withStepDone(l.id(), s.id()));
            saveProgress.accept(progress.get());
        }
    }
}
