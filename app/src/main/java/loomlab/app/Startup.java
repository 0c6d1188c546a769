package loomlab.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import loomlab.exercises.Exercise;
import loomlab.exercises.ExerciseCatalog;
import loomlab.lessons.Lesson;
import loomlab.lessons.LessonCatalog;

/**
 * Work that can overlap JavaFX's own start-up, on a second core: reading the lesson and exercise
 * catalogs, and loading the classes the first frame needs.
 *
 * <p>Measured (ADR 0010): of a launch of about 2.1 s, some 5,700 classes come from jars rather
 * than the JDK's shared archive (JavaFX's controls, RichTextFX, ReactFX, commonmark, LoomLab's
 * own), loaded and verified one by one on the FX thread as the window is built. Loading them first
 * on another thread, from the list {@value #CLASS_LIST} (written from a launch's
 * {@code -Xlog:class+load}; see the ADR), takes that off the FX thread's path: about 0.25 s.
 * A name that no longer exists is skipped, so a stale list costs nothing but its benefit.
 *
 * <p>Since then the launcher keeps an AppCDS archive of these classes ({@code target/workbench.jsa},
 * ADR 0010), which maps them instead of loading them; this class loading still helps a launch
 * without it: the first after each build, or one from an IDE. Rejected: building the window off
 * the FX thread (a Stage must be made on it, and the gain is the same class loading).
 */
final class Startup {
    /** The classes to load ahead, one binary name a line, in the order a launch loads them. */
    static final String CLASS_LIST = "startup-classes.txt";

    /** What the workbench opens with, as read from the built-in catalogs. */
    record Catalogs(List<Lesson> lessons, List<Exercise> exercises) {
    }

    private static volatile CompletableFuture<Catalogs> catalogs;

    private Startup() {
    }

    /** Starts reading the catalogs and loading classes, each on a daemon thread of its own. */
    static void begin() {
        catalogs = CompletableFuture.supplyAsync(Startup::read, Startup::daemon);
        daemon(Startup::loadClasses);
    }

    /** The built-in catalogs: read ahead if {@link #begin()} ran, else now. */
    static Catalogs catalogs() {
        CompletableFuture<Catalogs> ahead = catalogs;
        return ahead == null ? read() : ahead.join();
    }

    private static Catalogs read() {
        return new Catalogs(LessonCatalog.builtIn().lessons(), ExerciseCatalog.builtIn().exercises());
    }

    private static void loadClasses() {
        ClassLoader loader = Startup.class.getClassLoader();
        try (InputStream in = Startup.class.getResourceAsStream(CLASS_LIST)) {
            if (in == null) {
                return;
            }
            BufferedReader names = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String name = names.readLine(); name != null; name = names.readLine()) {
                try {
                    Class.forName(name, false, loader); // loaded and linked, not initialised
                } catch (ClassNotFoundException | LinkageError gone) {
                    // renamed or removed since the list was written: nothing to load ahead
                }
            }
        } catch (IOException e) {
            // the list is an optimisation only
        }
    }

    private static void daemon(Runnable work) {
        Thread t = new Thread(work, "loomlab-startup");
        t.setDaemon(true);
        t.start();
    }
}
