package loomlab.app;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

import loomlab.app.markdown.MarkdownView;
import loomlab.app.viewmodel.ExerciseViewModel;
import loomlab.app.viewmodel.ExerciseViewModel.Grading;
import loomlab.exercises.CheckResult;
import loomlab.exercises.Exercise;
import loomlab.exercises.GradeReport;

/**
 * The centre of the window while an exercise is on show: the task, the hints (one more each time
 * the learner asks), the Grade button, and the grade: each check with ✓ or ✗, why it failed, the
 * hint that fits, and a button that replays the failing run in the views.
 */
final class ExercisePane extends VBox {
    private final Subscription subscriptions;
    private final VBox hints = new VBox(4);
    private final VBox results = new VBox(6);

    ExercisePane(Exercise exercise, ExerciseViewModel vm, Texts texts, Runnable grade, Consumer<Path> replay) {
        setId("exercisePane");
        getStyleClass().add("exercise-pane");
        setSpacing(10);
        Label title = new Label(texts.get("exercise.statement") + " · " + texts.of(exercise.title()));
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        MarkdownView statement = new MarkdownView();
        statement.setId("exerciseStatement");
        statement.setMarkdown(texts.of(exercise.statement()));

        Button hint = new Button();
        hint.setId("showHint");
        hint.setOnAction(_ -> vm.revealHint());
        Button gradeButton = new Button(texts.get("exercise.grade"));
        gradeButton.setId("gradeButton");
        gradeButton.getStyleClass().add("run-button");
        gradeButton.setOnAction(_ -> grade.run());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        Label gradingLabel = new Label(texts.get("exercise.grading"));
        HBox gradingBox = new HBox(6, busy, gradingLabel);
        results.setId("gradeResults");
        getChildren().addAll(title, statement, hints, new HBox(8, hint, gradeButton), gradingBox, results);

        subscriptions = Subscription.combine(
                vm.hintsShownProperty().subscribe(n -> {
                    hints.getChildren().clear();
                    for (int i = 0; i < n.intValue(); i++) {
                        Label h = new Label(texts.format("exercise.hint", i + 1) + ": " + texts.of(exercise.hints().get(i)));
                        h.setWrapText(true);
                        h.getStyleClass().add("hint");
                        hints.getChildren().add(h);
                    }
                    int left = exercise.hints().size() - n.intValue();
                    hint.setText(left > 0 ? texts.format("exercise.showHint", left) : texts.get("exercise.noHints"));
                    hint.setDisable(left <= 0);
                }),
                vm.gradingProperty().subscribe(g -> {
                    boolean grading = g == Grading.GRADING;
                    gradingBox.setVisible(grading);
                    gradingBox.setManaged(grading);
                    gradeButton.setDisable(grading);
                }),
                vm.reportProperty().subscribe(r -> showReport(r, texts, replay)));
    }

    private void showReport(GradeReport report, Texts texts, Consumer<Path> replay) {
        results.getChildren().clear();
        if (report == null) {
            return;
        }
        Label score = new Label(texts.format("exercise.score", report.score())
                + (report.passed() ? " — " + texts.get("exercise.passed") : ""));
        score.setId("gradeScore");
        score.getStyleClass().add("grade-score");
        results.getChildren().add(score);
        if (report.compileError() != null) {
            Label error = new Label(texts.get("exercise.compileError") + "\n" + texts.of(report.compileError()));
            error.setWrapText(true);
            error.getStyleClass().add("check-failed");
            results.getChildren().add(error);
        }
        for (CheckResult check : report.checks()) {
            results.getChildren().add(check(check, texts, replay));
        }
    }

    private static VBox check(CheckResult check, Texts texts, Consumer<Path> replay) {
        Label name = new Label((check.passed() ? "✓ " : "✗ ") + texts.of(check.name()));
        name.getStyleClass().add(check.passed() ? "check-passed" : "check-failed");
        VBox box = new VBox(3, name);
        box.setId("check-" + check.id());
        box.getStyleClass().add("check");
        if (!check.passed()) {
            addLine(box, texts.of(check.message()), "check-message");
            addLine(box, texts.of(check.hint()), "hint");
            if (check.seed() >= 0) {
                addLine(box, texts.format("exercise.seed", check.seed()), "check-seed");
            }
            if (check.failingRun() != null) {
                Button again = new Button(texts.get("exercise.replay"));
                again.setId("replay-" + check.id());
                again.setOnAction(_ -> replay.accept(check.failingRun()));
                box.getChildren().add(again);
            }
        }
        return box;
    }

    private static void addLine(VBox box, String text, String style) {
        if (text != null && !text.isBlank()) {
            Label l = new Label(text);
            l.setWrapText(true);
            l.getStyleClass().add(style);
            box.getChildren().add(l);
        }
    }

    void dispose() {
        subscriptions.unsubscribe();
    }
}
