package loomlab.engine.runner;

/** How a {@link ChildRun} ended, from the parent's side. */
public sealed interface ChildOutcome {

    /**
     * The run ended in the engine, as Go's would: {@code status} 0, or 2 after a panic, a fatal
     * error or a deadlock, with Go's {@code report} (empty after a normal exit).
     */
    record Exited(int status, String report) implements ChildOutcome {
    }

    /** {@link ChildRun#stop()} destroyed the child (or it was told {@code stop} on its input). */
    record Killed() implements ChildOutcome {
    }

    /** The program called {@code System.exit(status)} before its run ended. */
    record CalledExit(int status) implements ChildOutcome {
        /** What the workbench shows. */
        public String message() {
            return "the program called System.exit(" + status + ")";
        }
    }

    /**
     * The child JVM ended without finishing the run: it ran out of memory, could not start the
     * program (a missing class, a compile error), or crashed. {@code message} says which, for a person.
     */
    record Crashed(int exitCode, String message) implements ChildOutcome {
    }
}
