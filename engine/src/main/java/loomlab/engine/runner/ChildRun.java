package loomlab.engine.runner;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import loomlab.engine.ClockMode;
import loomlab.engine.RunMode;
import loomlab.engine.SchedulePolicy;
import loomlab.engine.events.Event;
import loomlab.engine.events.EventListener;
import loomlab.engine.events.TraceReader;
import loomlab.engine.events.Traced;

/**
 * The parent's side of a run in a child JVM ({@link RunMain} {@code --events}): starts the child,
 * reads its event stream on a thread of its own and hands each event to a listener, sends control
 * commands, and tells how the child ended ({@link ChildOutcome}).
 *
 * <h2>Why a child JVM</h2>
 * A learner's program may spin forever, exhaust memory, overflow its stack or call
 * {@code System.exit}. In a JVM of its own none of that reaches the workbench: {@link #stop()}
 * destroys the process, which stops any program at once, and whatever the child did, the parent
 * learns it from the stream and the exit code. Nothing listens on a network port: the child's
 * standard output is the event stream, its standard input the commands, its standard error
 * messages (kept, bounded, in {@link #stderr()}).
 *
 * <h2>How the outcome is told</h2>
 * An {@code Exit} event: the run ended in the engine ({@link ChildOutcome.Exited}). Otherwise, if
 * {@link #stop()} was called or the child exited with {@link ControlCommands#STOPPED_STATUS}:
 * {@link ChildOutcome.Killed}. A stream that ends cleanly without an {@code Exit} event: the child's
 * shutdown hook closed it, so the program called {@code System.exit} ({@link ChildOutcome.CalledExit}).
 * A stream that is cut or never began: {@link ChildOutcome.Crashed}, out of memory if the JVM said
 * so (the child runs with {@code -XX:+ExitOnOutOfMemoryError}: an out-of-memory anywhere, the
 * engine's threads included, ends it rather than leaving it half alive).
 *
 * <p>Thread-safe. The listener runs on the reader thread, in sequence order; it must not block long,
 * or the child waits for it.
 */
public final class ChildRun implements AutoCloseable {
    /** Heap of a child unless {@link Builder#maxHeap} says otherwise. */
    public static final String DEFAULT_MAX_HEAP = "512m";
    /** How long {@link #stop()} waits for the destroyed process to be gone. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(1);
    /** How much of the child's standard error is kept: its last 64 K characters. */
    private static final int STDERR_KEPT = 64 * 1024;

    private final Process process;
    private final String maxHeap;
    private final EventListener listener;
    private final Consumer<String> stderrLines;
    private final CompletableFuture<ChildOutcome> outcome = new CompletableFuture<>();
    /** Guarded by itself. */
    private final StringBuilder stderr = new StringBuilder();
    private final Thread stderrReader;
    private volatile boolean stopped;
    private volatile Map<String, String> metadata = Map.of();

    private ChildRun(Process process, Builder b) {
        this.process = process;
        this.maxHeap = b.maxHeap;
        this.listener = b.listener;
        this.stderrLines = b.stderrLines;
        this.stderrReader = Thread.ofPlatform().daemon().name("loomlab-child-stderr").start(this::readStderr);
        Thread.ofPlatform().daemon().name("loomlab-child-events").start(this::readEvents);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- commands

    /** Pauses a deterministic run before its next dispatch. */
    public void pause() {
        send("pause");
    }

    public void resume() {
        send("resume");
    }

    /** Lets a paused deterministic run go on to its next engine operation. */
    public void step() {
        send("step");
    }

    /** Runs goroutine {@code id} next, up to its next engine operation. */
    public void step(long goroutine) {
        send("step " + goroutine);
    }

    /** Waits this long before each dispatch of a deterministic run. */
    public void delay(Duration delay) {
        send("delay " + delay.toMillis());
    }

    /** Destroys the child, whatever it is doing, and waits up to a second until it is gone. */
    public void stop() {
        stopped = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the child if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private synchronized void send(String command) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            // The child has ended; its outcome says how.
        }
    }

    // ---------------------------------------------------------------- state

    /** How the child ended; completes once it has, and its stream has been read. */
    public CompletableFuture<ChildOutcome> outcome() {
        return outcome;
    }

    /** Waits until the child has ended. */
    public ChildOutcome waitFor() {
        return outcome.join();
    }

    /** What the run is, as the child's stream header says (empty until it has arrived). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The last 64 K characters the child wrote to its standard error. */
    public String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    public long pid() {
        return process.pid();
    }

    // ---------------------------------------------------------------- the reader threads

    private void readEvents() {
        Event.Exit exit = null;
        boolean began = false;
        boolean ended = false;
        String failure = null;
        try (TraceReader reader = new TraceReader(process.getInputStream())) {
            began = true;
            metadata = reader.metadata();
            for (Traced t = reader.next(); t != null; t = reader.next()) {
                if (t.event() instanceof Event.Exit e) {
                    exit = e;
                }
                listener.on(t);
            }
            ended = true;
        } catch (EOFException e) {
            // Cut: the child was destroyed or crashed; the exit code tells more.
        } catch (IOException | RuntimeException e) {
            // A corrupt stream, or a listener that threw: nobody reads the child any more, so end it.
            failure = e.toString();
            process.destroyForcibly();
        }
        try {
            int code = process.waitFor();
            stderrReader.join(STOP_WAIT.toMillis());
            outcome.complete(classify(code, exit, began, ended, failure));
        } catch (InterruptedException e) {
            outcome.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
            outcome.completeExceptionally(e);
            throw e;
        }
    }

    private ChildOutcome classify(int code, Event.Exit exit, boolean began, boolean ended, String failure) {
        if (exit != null) {
            return new ChildOutcome.Exited(exit.status(), exit.report());
        }
        if (stopped || code == ControlCommands.STOPPED_STATUS && !ended) {
            return new ChildOutcome.Killed();
        }
        if (ended) {
            return new ChildOutcome.CalledExit(code);
        }
        String err = stderr().strip();
        if (err.contains("OutOfMemoryError")) {
            return new ChildOutcome.Crashed(code, "fatal error: runtime: out of memory (the program's heap is limited to "
                    + maxHeap + ")");
        }
        if (!began) {
            return new ChildOutcome.Crashed(code, "the program could not start" + (err.isEmpty() ? "" : ":\n" + err));
        }
        String why = failure != null ? ": " + failure : "";
        return new ChildOutcome.Crashed(code, "the program's JVM ended unexpectedly (exit code " + code + ")" + why
                + (err.isEmpty() ? "" : "\n" + err));
    }

    private void readStderr() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (stderr) {
                    stderr.append(line).append('\n');
                    if (stderr.length() > STDERR_KEPT) {
                        stderr.delete(0, stderr.length() - STDERR_KEPT);
                    }
                }
                if (stderrLines != null) {
                    stderrLines.accept(line);
                }
            }
        } catch (IOException e) {
            // The process has gone.
        }
    }

    // ---------------------------------------------------------------- starting

    /** The settings of a child run; {@link #start} starts it. */
    public static final class Builder {
        private RunMode mode = RunMode.REAL;
        private long seed = 1;
        private Integer procs;
        private ClockMode clock = ClockMode.REAL;
        private SchedulePolicy policy = SchedulePolicy.RANDOM;
        private boolean paused;
        private String maxHeap = DEFAULT_MAX_HEAP;
        private String classPath = System.getProperty("java.class.path");
        private final List<Path> classDirs = new ArrayList<>();
        private EventListener listener = e -> { };
        private Consumer<String> stderrLines;

        private Builder() {
        }

        public Builder mode(RunMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** GOMAXPROCS, 1 to 256 (default: the child's number of CPUs). */
        public Builder procs(int procs) {
            this.procs = procs;
            return this;
        }

        /** The clock of a real-mode run; a deterministic run's is always virtual. */
        public Builder clock(ClockMode clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder policy(SchedulePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** A deterministic run starts paused: nothing runs before {@link #step()} or {@link #resume()}. */
        public Builder paused(boolean paused) {
            this.paused = paused;
            return this;
        }

        /** The child's {@code -Xmx}, e.g. {@code "512m"}. */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = Objects.requireNonNull(maxHeap, "maxHeap");
            return this;
        }

        /** The class path of LoomLab's engine in the child (default: this JVM's class path). */
        public Builder classPath(String classPath) {
            this.classPath = Objects.requireNonNull(classPath, "classPath");
            return this;
        }

        /** A directory of compiled classes of the program, put on the child's class path. */
        public Builder classDir(Path dir) {
            classDirs.add(Objects.requireNonNull(dir, "dir"));
            return this;
        }

        /** Receives each event of the run on the reader thread. */
        public Builder events(EventListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Receives each line the child writes to its standard error, on a thread of its own. */
        public Builder stderr(Consumer<String> lines) {
            this.stderrLines = Objects.requireNonNull(lines, "lines");
            return this;
        }

        /**
         * Starts the child on {@code program}: a class on the class path (see {@link #classDir}) or a
         * {@code .java} file, which the child compiles.
         */
        public ChildRun start(String program, String... args) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command(program, args));
            pb.redirectInput(ProcessBuilder.Redirect.PIPE);
            return new ChildRun(pb.start(), this);
        }

        /** The child's command line. */
        List<String> command(String program, String... args) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED",
                    "-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError",
                    // Nothing but the event stream may reach standard output: the JVM's own words go to stderr.
                    "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr"));
            StringBuilder cp = new StringBuilder(classPath);
            for (Path dir : classDirs) {
                cp.append(File.pathSeparatorChar).append(dir.toAbsolutePath());
            }
            cmd.addAll(List.of("-cp", cp.toString(), RunMain.class.getName(), "--events"));
            cmd.addAll(List.of("--mode", lower(mode), "--seed", Long.toString(seed), "--policy", lower(policy)));
            if (mode == RunMode.REAL) {
                cmd.addAll(List.of("--clock", lower(clock)));
            } else if (paused) {
                cmd.add("--paused");
            }
            if (procs != null) {
                cmd.addAll(List.of("--procs", Integer.toString(procs)));
            }
            cmd.add(program);
            cmd.addAll(List.of(args));
            return cmd;
        }

        private static String lower(Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
    }
}
