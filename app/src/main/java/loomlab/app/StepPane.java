package loomlab.app;

import java.util.List;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
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
 * The centre of the window while a lesson step is on show: where it stands in its lesson, its text,
 * the Go original beside the Java example, and the prediction to make before running. Built anew
 * for each step; {@link #dispose()} lets go of the ViewModel.
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
        previous.setOnAction(_ -> vm.previous());
        Button next = new Button(texts.get("step.next"));
        next.setId("nextStep");
        next.setOnAction(_ -> vm.next());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, stepTitle, gap, previous, next);

        MarkdownView text = new MarkdownView();
        text.setId("stepText");
        text.setMarkdown(texts.of(step.markdown()));
        getChildren().addAll(lessonTitle, header, text);

        if (step.example() != null) {
            getChildren().add(code(step, texts));
        } else {
            getChildren().add(new Label(texts.get("step.noExample")));
        }
        subscriptions = step.predict() == null ? Subscription.EMPTY : predict(step.predict(), vm, texts, running);
    }

    /** The Go original (if any) beside the Java example, both read-only. */
    private static Region code(Step step, Texts texts) {
        VBox java = column(texts.get("step.java"), step.example().source(), "javaOriginal");
        if (step.go() == null) {
            return java;
        }
        SplitPane both = new SplitPane(column(texts.get("step.go"), step.go(), "goOriginal"), java);
        both.setId("originals");
        return both;
    }

    private static VBox column(String title, String source, String id) {
        TextArea area = new TextArea(source);
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("source");
        area.setPrefRowCount(Math.min(18, (int) source.lines().count() + 1));
        Label label = new Label(title);
        label.getStyleClass().add("column-title");
        VBox box = new VBox(4, label, area);
        VBox.setVgrow(area, Priority.ALWAYS);
        return box;
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
        getChildren().add(3, box); // after the text, before the code
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
