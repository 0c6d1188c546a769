package loomlab.app.store;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The learner's code, under {@code <home>/workspace/}: one file per lesson step or exercise,
 * saved as they type.
 *
 * <p>Design. Each {@link #saveSoon} puts the text in {@code pending} (latest text wins) and
 * (re)schedules that file's save {@link #DEBOUNCE} later on one background thread, the saver.
 * Every write happens on the saver, so writes of one file never overlap or reorder, and a task
 * submitted to it runs after every write already under way: {@link #flush} and {@link #reset}
 * rely on this, and wait for their task. Writes are atomic ({@link AtomicFiles}).
 *
 * <p>Invariant: a file's text is either in {@code pending} or on disk, so {@link #load} returns
 * the newest text even before its save has happened. A save that fails keeps its text pending
 * (unless newer text came meanwhile), reports to the failure handler, and is retried by the next
 * save or {@link #flush}.
 */
public final class Workspace implements AutoCloseable {
    /** How long typing must pause before the text is written. */
    static final Duration DEBOUNCE = Duration.ofMillis(300);
    /** What a lesson, step, exercise or class id may look like: one harmless path segment. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

    /** Writes one file; tests count or fail writes with it. */
    @FunctionalInterface
    interface Writer {
        void write(Path file, String text) throws IOException;
    }

    private final Path root;
    private final Duration debounce;
    private final Writer writer;
    private final ScheduledExecutorService saver;
    private final Object lock = new Object();
    /** Texts not yet on disk, by file. Guarded by {@code lock}. */
    private final Map<Path, String> pending = new LinkedHashMap<>();
    /** The scheduled save of each pending file. Guarded by {@code lock}. */
    private final Map<Path, ScheduledFuture<?>> scheduled = new HashMap<>();
    /** Written by any thread, read on the saver. */
    private volatile BiConsumer<Path, IOException> onSaveFailed =
            (file, failure) -> System.getLogger(Workspace.class.getName())
                    .log(System.Logger.Level.WARNING, "could not save " + file, failure);

    public Workspace(Path home) {
        this(home, DEBOUNCE, AtomicFiles::write);
    }

    Workspace(Path home, Duration debounce, Writer writer) {
        this.root = home.resolve("workspace");
        this.debounce = debounce;
        this.writer = writer;
        this.saver = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("loomlab-workspace-saver").daemon(true).factory());
    }

    // ---- Where things are --------------------------------------------------------------------

    /** {@code <home>/workspace/lessons/<lesson>/<step>/<Class>.java}. */
    public Path lessonFile(String lessonId, String stepId, String className) {
        return root.resolve("lessons").resolve(id(lessonId)).resolve(id(stepId)).resolve(id(className) + ".java");
    }

    /** {@code <home>/workspace/exercises/<id>/<Class>.java}. */
    public Path exerciseFile(String exerciseId, String className) {
        return root.resolve("exercises").resolve(id(exerciseId)).resolve(id(className) + ".java");
    }

    // ---- Reading -----------------------------------------------------------------------------

    /** The learner's copy of {@code file} if there is one, else {@code original}. */
    public String load(Path file, String original) {
        return open(file, original).value();
    }

    /**
     * Like {@link #load}, with the problem if the learner's copy could not be read: a copy that is
     * not UTF-8 text is set aside ({@link Problem#setAside()}) and {@code original} returned.
     */
    public Loaded<String> open(Path file, String original) {
        synchronized (lock) {
            String unsaved = pending.get(file);
            if (unsaved != null) {
                return Loaded.ok(unsaved);
            }
        }
        try {
            return Loaded.ok(AtomicFiles.read(file).orElse(original));
        } catch (CharacterCodingException notText) {
            return Loaded.replaced(original, StoredFile.setAside(file, "not UTF-8 text"));
        } catch (IOException cannotRead) {
            return Loaded.replaced(original, new Problem(file, file, "cannot read: " + cannotRead));
        }
    }

    /** Whether the learner's copy differs from {@code original}. */
    public boolean isModified(Path file, String original) {
        return !load(file, original).equals(original);
    }

    // ---- Commands ----------------------------------------------------------------------------

    /** Saves {@code text} once typing pauses; a later call for the same file replaces it. */
    public void saveSoon(Path file, String text) {
        Objects.requireNonNull(text, "text");
        synchronized (lock) {
            pending.put(file, text);
            ScheduledFuture<?> earlier = scheduled.put(file,
                    saver.schedule(() -> save(file), debounce.toNanos(), TimeUnit.NANOSECONDS));
            if (earlier != null) {
                earlier.cancel(false);
            }
        }
    }

    /** Returns once every text given to {@link #saveSoon} before this call is on disk (or failed). */
    public void flush() {
        awaitOnSaver(() -> {
            for (Path file : pendingFiles()) {
                save(file);
            }
        });
    }

    /** Puts {@code original} back in place of the learner's copy, on disk before returning. */
    public void reset(Path file, String original) throws IOException {
        synchronized (lock) {
            pending.remove(file);
            ScheduledFuture<?> earlier = scheduled.remove(file);
            if (earlier != null) {
                earlier.cancel(false);
            }
        }
        IOException[] failure = new IOException[1];
        awaitOnSaver(() -> {
            try {
                writer.write(file, original);
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** Who hears of a save that failed (the window, to tell the learner); by default a log. */
    public void setOnSaveFailed(BiConsumer<Path, IOException> handler) {
        this.onSaveFailed = Objects.requireNonNull(handler, "handler");
    }

    /** Flushes, then stops the saver. */
    @Override
    public void close() {
        flush();
        saver.shutdown();
    }

    // ---- On the saver ------------------------------------------------------------------------

    /** Writes the pending text of {@code file}, if any. Runs on the saver only. */
    private void save(Path file) {
        String text;
        synchronized (lock) {
            text = pending.get(file);
            if (text == null) {
                return;  // flushed or reset already
            }
        }
        try {
            writer.write(file, text);
        } catch (IOException failure) {
            onSaveFailed.accept(file, failure);
            return;  // stays pending: the next save or flush tries again
        }
        synchronized (lock) {
            // Newer text may have come while writing; then it stays pending, with its own save scheduled.
            pending.remove(file, text);
        }
    }

    private List<Path> pendingFiles() {
        synchronized (lock) {
            return List.copyOf(pending.keySet());
        }
    }

    private void awaitOnSaver(Runnable task) {
        try {
            saver.submit(task).get();
        } catch (ExecutionException bug) {
            throw new IllegalStateException(bug.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String id(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a plain id: " + id);
        }
        return id;
    }
}
