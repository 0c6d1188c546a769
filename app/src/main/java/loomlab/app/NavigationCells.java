package loomlab.app;

import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;

import loomlab.app.viewmodel.ExerciseViewModel;
import loomlab.app.viewmodel.LessonViewModel;
import loomlab.exercises.Exercise;
import loomlab.lessons.Lesson;
import loomlab.lessons.Step;

/** The cells of the lesson tree and the exercise list, with progress marks. */
final class NavigationCells {
    private NavigationCells() {
    }

    /** A lesson ("Goroutines 2/5") or a step ("✓ Unbuffered channels"). */
    static final class LessonCell extends TreeCell<Object> {
        private final LessonViewModel vm;
        private final Texts texts;

        LessonCell(LessonViewModel vm, Texts texts) {
            this.vm = vm;
            this.texts = texts;
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("lesson-cell", "step-cell", "done");
            setTooltip(null);
            if (empty || item == null) {
                setText(null);
                return;
            }
            if (item instanceof Lesson l) {
                long done = vm.doneCount(l);
                setText(texts.of(l.title()) + "  " + done + "/" + l.steps().size());
                setTooltip(new Tooltip(texts.of(l.summary())));
                getStyleClass().add("lesson-cell");
                if (done == l.steps().size()) {
                    getStyleClass().add("done");
                }
            } else if (item instanceof Step s && getTreeItem() != null
                    && getTreeItem().getParent().getValue() instanceof Lesson l) {
                boolean done = vm.isDone(l, s);
                setText((done ? "✓ " : "○ ") + texts.of(s.title()));
                setTooltip(new Tooltip(texts.of(s.title()))); // the column is narrow; the title is whole here
                getStyleClass().add("step-cell");
                if (done) {
                    getStyleClass().add("done");
                }
            }
        }
    }

    /** An exercise with its best score ("✓ Worker pool 100%"). */
    static final class ExerciseCell extends ListCell<Exercise> {
        private final ExerciseViewModel vm;
        private final Texts texts;

        ExerciseCell(ExerciseViewModel vm, Texts texts) {
            this.vm = vm;
            this.texts = texts;
        }

        @Override
        protected void updateItem(Exercise e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().remove("done");
            setTooltip(null);
            if (empty || e == null) {
                setText(null);
                return;
            }
            double best = vm.bestScore(e);
            String mark = best >= 1 ? "✓ " : best >= 0 ? "◐ " : "○ ";
            setText(mark + texts.of(e.title()) + (best >= 0 ? "  " + texts.format("exercise.best", best) : ""));
            setTooltip(new Tooltip(texts.of(e.title())));
            if (best >= 1) {
                getStyleClass().add("done");
            }
        }
    }
}
