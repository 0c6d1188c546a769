package loomlab.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.stage.Stage;

import loomlab.app.viewmodel.ExerciseViewModel;
import loomlab.exercises.CheckResult;
import loomlab.exercises.Exercise;
import loomlab.exercises.GradeReport;
import loomlab.lessons.Example;
import loomlab.lessons.Lesson;
import loomlab.lessons.Predict;
import loomlab.lessons.Step;
import loomlab.lessons.Text;
import loomlab.lessons.Watch;

import org.testfx.util.WaitForAsyncUtils;

/** Small lessons and exercises the window tests open, and how they wait. */
final class Fixtures {
    static final String HELLO = """
            import static loomlab.engine.Go.*;
            import loomlab.engine.Chan;

            public class Hello {
                public static void main(String[] args) {
                    Chan<String> greetings = Chan.make("greetings", 1);
                    go("greeter", () -> greetings.send("hello"));
                    println(greetings.recv());
                    println("bye");
                }
            }
            """;

    static final Lesson LESSON = new Lesson("first-steps", 1, new Text("First steps", "第一步"),
            new Text("A goroutine and a channel.", "一个 goroutine 和一个通道。"), List.of(
            new Step("hello", new Text("Hello from a goroutine", "来自 goroutine 的问候"),
                    new Text("# A goroutine\nThe *greeter* sends on a channel; `main` receives.\n\n- one\n- two",
                            "# 一个 goroutine\n*greeter* 向通道发送；`main` 接收。\n\n- 一\n- 二"),
                    "package main\n\nfunc main() {\n\tch := make(chan string, 1)\n\tgo func() { ch <- \"hello\" }()\n\tprintln(<-ch)\n}\n",
                    new Example("Hello", HELLO, 1, 2, loomlab.engine.RunMode.DETERMINISTIC, List.of("hello", "bye"), 0),
                    new Predict(Predict.Kind.FIRST_LINE, new Text("Which line prints first?", "哪一行先打印？"),
                            List.of(Text.of("bye"), Text.of("hello")), 1,
                            new Text("main waits on the channel before it prints.", "main 先在通道上等待，然后才打印。")),
                    List.of(new Watch(Watch.Target.CHANNEL, "greetings", new Text("its one slot fills, then empties",
                            "它唯一的槽先被填满，然后清空")),
                            new Watch(Watch.Target.GOROUTINE, "greeter", new Text("it ends after its send",
                                    "它发送之后就结束")))),
            new Step("recap", new Text("Recap", "回顾"), new Text("Nothing to run here.", "这里没有要运行的内容。"),
                    null, null, null, List.of())));

    static final Exercise EXERCISE = new Exercise("ping", 1, new Text("Ping", "乒"),
            new Text("Make `Ping` print **ping**.", "让 `Ping` 打印 **ping**。"), "first-steps", "Ping",
            "public class Ping {\n    public static void main(String[] args) {\n    }\n}\n",
            "public class Ping {\n    public static void main(String[] args) {\n        System.out.println(\"ping\");\n    }\n}\n",
            List.of(new Text("Use println.", "用 println。"), new Text("Print exactly ping.", "只打印 ping。")),
            "PingGrading");

    private Fixtures() {
    }

    /** A grader that fails one check of two and points at {@code failingRun}. */
    static ExerciseViewModel.Grader grader(Path failingRun) {
        return (id, file, locale, runs) -> new ExerciseViewModel.Grader.Started(CompletableFuture.completedFuture(
                new GradeReport(id, null, List.of(
                        new CheckResult("compiles", new Text("it compiles", "能编译"), true, Text.of(""), Text.of(""), -1, null),
                        new CheckResult("printsPing", new Text("it prints ping", "打印 ping"), false,
                                new Text("it printed nothing", "什么也没打印"), new Text("Use println.", "用 println。"),
                                7, failingRun)))), () -> { });
    }

    /** Opens a workbench on a fresh LoomLab home, so no test sees another's saved code or settings. */
    static Workbench open(Stage stage, Locale locale, Path failingRun) {
        try {
            System.setProperty("loomlab.home", java.nio.file.Files.createTempDirectory("loomlab-home").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        last = new LoomLabApp().show(stage, new Workbench.Options(locale, List.of(LESSON), List.of(EXERCISE),
                grader(failingRun)));
        return last;
    }

    /** Waits until {@code condition} holds (checked on the FX thread), at most {@code seconds}. */
    static void await(int seconds, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not reached within " + seconds + " s; " + WaitForAsyncUtils.asyncFx(Fixtures::state).get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The last workbench opened, for telling what it showed when a wait fails. */
    static Workbench last;

    private static String state() {
        if (last == null) {
            return "";
        }
        return "status " + last.run.statusProperty().get() + ", end " + last.run.endProperty().get()
                + ", notice " + last.run.noticeProperty().get() + ", console lines " + last.views.console.lines().size()
                + ", seq " + last.views.shown().seq();
    }

    static void await(BooleanSupplier condition) throws Exception {
        await(20, condition);
    }

    /**
     * How soon Stop must end a run that would never end by itself. Click to ENDED takes about
     * 0.2 s here; the bound is wide because CI machines can be loaded (1.5 s was exceeded
     * once with the two cores busy with other work), and still far below any wait it would catch.
     */
    static final Duration PROMPT = Duration.ofSeconds(3);

    static Duration elapsedSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
