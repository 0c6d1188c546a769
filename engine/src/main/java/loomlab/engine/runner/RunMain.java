package loomlab.engine.runner;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import loomlab.engine.RunController;
import loomlab.engine.RunMode;
import loomlab.engine.RunResult;
import loomlab.engine.Runtime;
import loomlab.engine.events.TraceWriter;

/**
 * {@code ./loomlab run [options] <File.java | class name | example id> [args...]}: compiles a program
 * if it is a source file, then runs its {@code main} as goroutine 1 of a run on the engine, with
 * the options of {@link RunOptions}. The exit status is Go's: 0, or 2 after a panic, a fatal error
 * or a deadlock; 1 when the program does not compile, as {@code go run} does; 2 for a bad command
 * line.
 *
 * <h2>In a terminal</h2>
 * The program's output goes to standard output, Go's panic and deadlock reports to standard error.
 * {@code --trace FILE} also writes the run's events to FILE ({@code loomlab trace} reads it).
 *
 * <h2>As the workbench's child ({@code --events})</h2>
 * Standard output carries only the framed event stream of {@link EventPipe} (the program's output
 * arrives as {@code Output} events of the goroutine that printed it); standard input carries
 * {@link ControlCommands}; standard error carries what the program writes there, and messages.
 * The program sees an empty {@code System.in}. See {@link ChildRun} for the parent's side.
 *
 * <p>In both, {@code System.out} becomes a {@link GoroutineOutput} while the program runs, so that
 * {@code System.out.println} is a switch point like {@code Go.println} everywhere, and a run with
 * the same seed takes the same course traced or not.
 */
public final class RunMain {
    private RunMain() {
    }

    public static void main(String[] args) {
        int status;
        if (isChild(args)) {
            status = child(args);
        } else {
            status = run(args, System.out, System.err);
        }
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Runs the command line in a terminal; returns the exit status instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(RunOptions.USAGE);
            return 2;
        }
        if (args[0].equals("--help") || args[0].equals("-h")) {
            out.println(RunOptions.USAGE);
            return 0;
        }
        RunOptions options = parse(args, err);
        if (options == null) {
            return 2;
        }
        if (options.events()) {
            err.println("loomlab run: --events needs the process's own standard input and output; run it as a child JVM");
            return 2;
        }
        Program program = load(options.target(), err);
        if (program == null) {
            return 1;
        }
        TraceWriter trace = null;
        if (options.trace() != null) {
            try {
                trace = TraceWriter.create(options.trace(), options.metadata(program.name()));
            } catch (IOException e) {
                err.println("loomlab run: cannot write the trace " + options.trace() + ": " + e.getMessage());
                return 1;
            }
        }
        Runtime.Builder builder = builder(options, null).out(out).err(err);
        if (trace != null) {
            builder.events(trace);
        }
        int status = runWithOutput(builder.build(), program, options, new GoroutineOutput(out));
        if (trace != null) {
            try {
                trace.close();
            } catch (IOException e) {
                err.println("loomlab run: " + e.getMessage());
                return status == 0 ? 1 : status;
            }
        }
        return status;
    }

    // ---------------------------------------------------------------- the child protocol

    private static boolean isChild(String[] args) {
        for (String a : args) {
            if (a.equals("--events")) {
                return true;
            }
            if (!a.startsWith("-")) {
                return false;
            }
        }
        return false;
    }

    /** {@code --events}: see the class comment. Returns the exit status. */
    private static int child(String[] args) {
        PrintStream err = System.err;
        RunOptions options = parse(args, err);
        if (options == null) {
            return 2;
        }
        Program program = load(options.target(), err);
        if (program == null) {
            return 1;
        }
        EventPipe pipe;
        try {
            pipe = new EventPipe(new FileOutputStream(FileDescriptor.out), options.metadata(program.name()));
        } catch (IOException e) {
            err.println("loomlab run: cannot write events: " + e.getMessage());
            return 1;
        }
        // A program that calls System.exit ends the stream cleanly, without an Exit event.
        java.lang.Runtime.getRuntime().addShutdownHook(new Thread(pipe::close, "loomlab-event-close"));
        RunController controller = options.mode() == RunMode.DETERMINISTIC ? new RunController(options.paused()) : null;
        new ControlCommands(controller, err, () -> {
            pipe.flushQuietly();
            java.lang.Runtime.getRuntime().halt(ControlCommands.STOPPED_STATUS);
        }).start(System.in);
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Runtime.Builder builder = builder(options, controller).events(pipe).out(discard).err(discard);
        // For good: nothing but the event stream may reach file descriptor 1, even after the run.
        System.setOut(new GoroutineOutput(err));
        System.setIn(InputStream.nullInputStream());
        int status = builder.build().start(() -> program.invoke(options.args())).exitStatus();
        pipe.close();
        return status;
    }

    // ---------------------------------------------------------------- shared

    private static RunOptions parse(String[] args, PrintStream err) {
        try {
            return RunOptions.parse(args);
        } catch (RunOptions.UsageError e) {
            err.println("loomlab run: " + e.getMessage());
            err.println("(loomlab run --help lists the options)");
            return null;
        }
    }

    private static Program load(String target, PrintStream err) {
        try {
            return Program.load(target, err);
        } catch (Program.NotRunnable e) {
            if (!e.reported) {
                err.println("loomlab run: " + e.getMessage());
            }
            return null;
        }
    }

    private static Runtime.Builder builder(RunOptions o, RunController controller) {
        Runtime.Builder b = Runtime.builder().mode(o.mode()).seed(o.seed()).procs(o.procs()).clock(o.clock())
                .policy(o.policy());
        if (controller != null) {
            b.controller(controller);
        }
        return b;
    }

    /** Runs {@code program} with {@code System.out} replaced by {@code out} meanwhile. */
    private static int runWithOutput(Runtime runtime, Program program, RunOptions options, PrintStream out) {
        PrintStream previous = System.out;
        System.setOut(out);
        try {
            RunResult result = runtime.start(() -> program.invoke(options.args()));
            return result.exitStatus();
        } finally {
            out.flush();
            System.setOut(previous);
        }
    }

}
