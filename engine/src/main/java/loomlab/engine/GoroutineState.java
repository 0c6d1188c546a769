package loomlab.engine;

/** The states of a goroutine, named after Go's {@code _Grunnable}, {@code _Grunning}, … */
public enum GoroutineState {
    /** Created or woken, waiting for a carrier. */
    RUNNABLE("runnable"),
    /** On a carrier, executing (or blocked in code the engine does not know of). */
    RUNNING("running"),
    /** Parked in an engine operation; {@link WaitReason} says which. */
    WAITING("waiting"),
    /** In a blocking call the engine knows of ({@code Go.syscall}). */
    SYSCALL("syscall"),
    /** Returned, panicked, or stopped because its run ended. */
    DEAD("dead");

    private final String text;

    GoroutineState(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
