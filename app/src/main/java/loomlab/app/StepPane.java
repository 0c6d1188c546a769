package loomlab.app;

import java.util.List;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

import loomlab.app.markdown.MarkdownView;
import loomlab.app.viewmodel.LessonViewModel;
import loomlab.app.viewmodel.LessonViewModel.PredictResult;
import loomlab.lessons.Lesson;
import loomlab.lessons.Predict;
import loomlab.lessons.Step;

/**
 * The top of the centre while a lesson step is on show: where it stands in its lesson, its text,
 * and the prediction to make before running. The code is below it: the Go original beside the
 * learner's copy of the Java example (see {@link MainWindow}). Built anew for each step;
 * {@link #dispose()} lets go of the ViewModel.
 */
final class StepPane extends VBox {
    private final Subscription subscriptions;

    StepPane(Lesson lesson, Step step, LessonViewModel vm, Texts texts, boolean running) {
        setId("stepPane");
        getStyleClass().add("step-pane");
        setSpacing(10);
        int index = lesson.steps().indexOf(step) + 1;

        Label lessonTitle = new Label(texts.of(lesson.title()));
        lessonTitle.getStyleClass().add("lesson-title");
        Label stepTitle = new Label(texts.format("step.of", index, lesson.steps().size()) + " · " + texts.of(step.title()));
        stepTitle.getStyleClass().add("step-title");
        stepTitle.setWrapText(true);
        Button previous = new Button(texts.get("step.previous"));
        previous.setId("previousStep");
        previous.setMinWidth(USE_PREF_SIZE); // the title wraps; the buttons keep their words
        previous.setOnAction(_ -> vm.previous());
        Button next = new Button(texts.get("step.next"));
        next.setId("nextStep");
        next.setOnAction(_ -> vm.next());
        next.setMinWidth(USE_PREF_SIZE);
        lessonTitle.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, stepTitle, gap, previous, next);

        MarkdownView text = new MarkdownView();
        text.setId("stepText");
        text.setMarkdown(texts.of(step.markdown()));
        getChildren().addAll(lessonTitle, header, text);

        if (step.example() == null) {
            getChildren().add(new Label(texts.get("step.noExample")));
        }
        subscriptions = step.predict() == null ? Subscription.EMPTY : predict(step.predict(), vm, texts, running);
    }

    /** The question, its choices, and after the run whether the choice was right, and why. */
    private Subscription predict(Predict predict, LessonViewModel vm, Texts texts, boolean running) {
        Label title = new Label(texts.get("predict.title"));
        title.getStyleClass().add("predict-title");
        Label question = new Label(texts.of(predict.question()));
        question.setWrapText(true);
        VBox box = new VBox(6, title, question);
        box.setId("predict");
        box.getStyleClass().add("predict");
        ToggleGroup group = new ToggleGroup();
        List<RadioButton> choices = new java.util.ArrayList<>();
        for (int i = 0; i < predict.choices().size(); i++) {
            RadioButton choice = new RadioButton(texts.of(predict.choices().get(i)));
            choice.setId("choice-" + i);
            choice.setWrapText(true);
            choice.setToggleGroup(group);
            choice.setUserData(i);
            choice.setSelected(vm.chosenProperty().get() == i);
            choices.add(choice);
            box.getChildren().add(choice);
        }
        group.selectedToggleProperty().addListener((_, _, t) -> {
            if (t != null) {
                vm.chosenProperty().set((Integer) t.getUserData());
            }
        });
        Label result = new Label();
        result.setId("predictResult");
        result.setWrapText(true);
        box.getChildren().add(result);
        getChildren().add(3, box); // after the text
        ObservableValue<PredictResult> checked = vm.predictResultProperty();
        return checked.subscribe(r -> {
            choices.forEach(c -> c.setDisable(r != null || running));
            result.setText(r == null ? "" : verdict(r, predict, texts));
            result.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("right"), r != null && r.correct());
            result.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("wrong"), r != null && !r.correct());
        });
    }

    static String verdict(PredictResult r, Predict predict, Texts texts) {
        String why = texts.of(predict.explanation());
        if (r.right() < 0) {
            return texts.format("predict.unknown", why);
        }
        String right = texts.of(predict.choices().get(r.right()));
        if (r.chosen() < 0) {
            return texts.format("predict.skipped", right, why);
        }
        return r.correct() ? texts.format("predict.right", why) : texts.format("predict.wrong", right, why);
    }

    void dispose() {
        subscriptions.unsubscribe();
    }
}
