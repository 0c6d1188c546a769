package loomlab.exercises;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import loomlab.exercises.grading.CheckFailed;
import loomlab.exercises.grading.GradingSession;
import loomlab.exercises.grading.GradingSettings;
import loomlab.lessons.Text;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Grades a submission in this JVM: compiles it, runs the exercise's grading class with the JUnit
 * Platform Launcher, and reports one {@link CheckResult} per check.
 *
 * <p>Learner code runs in this JVM: a submission that spins forever leaves a thread spinning
 * after its check has failed on the time limit. The workbench therefore grades through
 * {@link GradeProcess} (a child JVM, which {@code GradeMain} ends when it is done); this class is
 * what that child runs, and what tests use.
 */
public final class Grader {
    private Grader() {
    }

    /** {@link #grade(Exercise, String, Locale, Path, GradingSettings)} with the default settings. */
    public static GradeReport grade(Exercise exercise, String source, Locale locale, Path runsDir) {
        return grade(exercise, source, locale, runsDir, GradingSettings.DEFAULT);
    }

    /**
     * Grades {@code source}, the whole {@code .java} file of the learner's class.
     *
     * @param locale   the learner's language; the report carries both languages, so that the app can
     *                 switch without grading again, and {@link GradeMain} prints this one
     * @param runsDir  failing runs are saved under {@code runsDir/<exercise id>/}; null: not saved
     */
    public static GradeReport grade(Exercise exercise, String source, Locale locale, Path runsDir,
                                    GradingSettings settings) {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(locale, "locale");
        return switch (SourceCompiler.compile(exercise.className(), source)) {
            case SourceCompiler.Result.Failed f -> new GradeReport(exercise.id(), f.messages(), List.of());
            case SourceCompiler.Result.Compiled c -> runChecks(exercise, c.type(), runsDir, settings);
        };
    }

    private static GradeReport runChecks(Exercise exercise, Class<?> submission, Path runsDir, GradingSettings settings) {
        Map<String, CheckResult> byId = new LinkedHashMap<>();
        try (GradingSession session = GradingSession.open(exercise.id(), submission, settings, runsDir)) {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(exercise.gradingTests()))
                    .filters(EngineFilter.includeEngines("junit-jupiter"))
                    .configurationParameter(GradingSession.PARAMETER, session.id())
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .build();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    checkName(test).ifPresent(id -> byId.put(id, result(exercise.id(), id, result)));
                }

                @Override
                public void executionSkipped(TestIdentifier test, String reason) {
                    checkName(test).ifPresent(id -> byId.put(id, failed(exercise.id(), id,
                            new Text("Skipped: " + reason, "已跳过：" + reason), -1, null)));
                }
            });
        }
        if (byId.isEmpty()) {
            throw new IllegalStateException("grading class " + exercise.gradingTests() + " of exercise "
                    + exercise.id() + " has no checks, or cannot be found on the class path");
        }
        return new GradeReport(exercise.id(), null, inOrder(exercise.id(), byId));
    }

    /** The check's method name, for a test method; empty for classes and engines. */
    private static Optional<String> checkName(TestIdentifier test) {
        if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource m) {
            return Optional.of(m.getMethodName());
        }
        return Optional.empty();
    }

    /** In the order of {@code exercise.properties}; checks it does not name follow, by name. */
    private static List<CheckResult> inOrder(String exercise, Map<String, CheckResult> byId) {
        List<CheckResult> ordered = new ArrayList<>();
        for (CheckText t : ExerciseCatalog.checks(exercise)) {
            CheckResult r = byId.remove(t.id());
            if (r != null) {
                ordered.add(r);
            }
        }
        byId.keySet().stream().sorted().forEach(id -> ordered.add(byId.get(id)));
        return ordered;
    }

    private static CheckResult result(String exercise, String id, TestExecutionResult result) {
        Throwable t = result.getThrowable().orElse(null);
        return switch (result.getStatus()) {
            case SUCCESSFUL -> new CheckResult(id, name(exercise, id), true, Text.of(""), Text.of(""), -1, null);
            case FAILED, ABORTED -> t instanceof CheckFailed f
                    ? failed(exercise, id, f.text(), f.seed(), f.failingRun())
                    : failed(exercise, id, unexpected(t), -1, null);
        };
    }

    private static CheckResult failed(String exercise, String id, Text message, long seed, Path run) {
        Text hint = text(exercise, id).map(CheckText::hint).orElse(Text.of(""));
        return new CheckResult(id, name(exercise, id), false, message, hint, seed, run);
    }

    /** The check broke outside a run: a bug in the grading class, or the learner's code outside the engine. */
    private static Text unexpected(Throwable t) {
        String what = t == null ? "unknown failure" : t.toString();
        return new Text("The check could not run: " + what, "这项检查无法运行：" + what);
    }

    private static Text name(String exercise, String id) {
        return text(exercise, id).map(CheckText::name).orElse(Text.of(id));
    }

    private static Optional<CheckText> text(String exercise, String id) {
        return ExerciseCatalog.checks(exercise).stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
