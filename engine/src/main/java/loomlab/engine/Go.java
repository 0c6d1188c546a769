package loomlab.engine;

/**
 * Go's built-ins and the {@code runtime} package, for static import:
 * {@code import static loomlab.engine.Go.*;}
 */
public final class Go {
    private Go() {
    }

    /** Go's {@code go f()}: starts {@code f} in a new goroutine of the current run. */
    public static void go(Runnable f) {
        spawn(null, f);
    }

    /** {@code go f()}, with a name that dumps and views show beside the goroutine's id. */
    public static void go(String name, Runnable f) {
        spawn(name, f);
    }

    private static void spawn(String name, Runnable f) {
        Goroutine self = Goroutine.current();
        if (self == null) {
            throw new IllegalStateException(
                    "go(...) was called outside a LoomLab run; start the program with Runtime.run(main)");
        }
        self.runtime.scheduler.switchPoint(self);
        self.runtime.spawn(self, name, f);
    }

    /**
     * Runs {@code call}, a blocking call such as file or network I/O, as Go runs a system call:
     * the goroutine shows as {@code [syscall]}, and its P is handed to another M if the call takes
     * long, so that other goroutines keep running (GMP-11).
     */
    public static <T> T syscall(java.util.function.Supplier<T> call) {
        java.util.Objects.requireNonNull(call, "call");
        Goroutine self = Goroutine.current();
        if (self == null) {
            return call.get();
        }
        self.state = GoroutineState.SYSCALL;
        self.runtime.scheduler.enterSyscall(self);
        try {
            return call.get();
        } finally {
            self.runtime.scheduler.exitSyscall(self);
            self.state = GoroutineState.RUNNING;
        }
    }

    /** {@link #syscall(java.util.function.Supplier)} for a call without a result. */
    public static void syscall(Runnable call) {
        java.util.Objects.requireNonNull(call, "call");
        syscall(() -> {
            call.run();
            return null;
        });
    }

    /**
     * Go's {@code panic(v)}: always throws. Declared to return the panic so that
     * {@code throw panic(v)} tells the compiler that control ends here.
     */
    public static Panic panic(Object value) {
        throw new Panic(value);
    }

    /** Go's {@code runtime.Gosched()}: lets other goroutines run. */
    public static void yield() {
        Goroutine self = Goroutine.current();
        if (self != null) {
            self.runtime.switchPoint(self);
            if (self.traced) {
                self.runtime.emit(self, new loomlab.engine.events.Event.GoYield(self.id));
            }
        }
        Thread.yield();
    }

    /** Go's {@code runtime.NumGoroutine()}: the goroutines of the current run that are alive. */
    public static int numGoroutine() {
        Goroutine self = Goroutine.current();
        return self == null ? 0 : self.runtime.numGoroutine();
    }

    /** Go's {@code fmt.Println}: the arguments separated by spaces, then a newline. */
    public static void println(Object... args) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                line.append(' ');
            }
            line.append(args[i]);
        }
        print(line.append('\n').toString());
    }

    /** Go's {@code fmt.Printf}, with Java's {@link String#format} verbs. */
    public static void printf(String format, Object... args) {
        print(String.format(format, args));
    }

    private static void print(String text) {
        Runtime.switchPoint();
        Goroutine self = Goroutine.current();
        if (self == null) {
            System.out.print(text);
            System.out.flush();
        } else if (!self.runtime.isOver()) {
            self.runtime.out().print(text);
            if (self.traced) {
                for (String line : text.endsWith("\n") ? text.substring(0, text.length() - 1).split("\n", -1)
                        : text.split("\n", -1)) {
                    self.runtime.emit(self, new loomlab.engine.events.Event.Output(self.id, line));
                }
            }
        }
    }
}
