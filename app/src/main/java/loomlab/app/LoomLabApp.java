package loomlab.app;

import java.util.Locale;
import java.util.ResourceBundle;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.stage.Stage;

import loomlab.app.viewmodel.ExerciseViewModel;

/**
 * The LoomLab workbench window: lessons and exercises on the left, the step and the code editor
 * in the centre, the views of the run on the right and below (see {@link Workbench}).
 */
public final class LoomLabApp extends Application {

    /** The window's first size: fits a 1280x800 projector. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    private Workbench bench;

    @Override
    public void start(Stage stage) {
        show(stage, (Locale) null);
        reportLaunchTime(stage);
    }

    @Override
    public void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    /**
     * Lays the window out in {@code locale} (null: the saved choice, else the system's) with the
     * built-in lessons and exercises, and shows it. Must run on the FX thread.
     */
    Workbench show(Stage stage, Locale locale) {
        Startup.Catalogs catalogs = Startup.catalogs();
        return show(stage, new Workbench.Options(locale, catalogs.lessons(), catalogs.exercises(),
                ExerciseViewModel.Grader.childJvm()));
    }

    Workbench show(Stage stage, Workbench.Options options) {
        bench = new Workbench(stage, options);
        bench.layout();
        stage.setOnCloseRequest(_ -> bench.close());
        stage.show();
        return bench;
    }

    /** The workbench texts in {@code locale}, else in English. */
    static ResourceBundle messages(Locale locale) {
        return Texts.bundle(locale);
    }

    /**
     * Logs how long after {@code main()} the first frame of the window was drawn; with the
     * environment variable {@value #EXIT_AFTER_FIRST_FRAME} set to 1, then quits (to measure launches).
     */
    private static void reportLaunchTime(Stage stage) {
        boolean exit = "1".equals(System.getenv(EXIT_AFTER_FIRST_FRAME));
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long ms = (System.nanoTime() - Main.STARTED_NANOS) / 1_000_000;
                long sinceStart = ProcessHandle.current().info().startInstant()
                        .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis()).orElse(-1L);
                System.err.println("LoomLab: window shown " + ms + " ms after main(), " + sinceStart
                        + " ms after the process started (with ./loomlab: when the launcher started)");
                if (exit) {
                    javafx.application.Platform.exit();
                }
            }
        }.start();
    }

    /** The environment variable that makes the workbench quit once its first frame is drawn. */
    static final String EXIT_AFTER_FIRST_FRAME = "LOOMLAB_EXIT_AFTER_FIRST_FRAME";
}
