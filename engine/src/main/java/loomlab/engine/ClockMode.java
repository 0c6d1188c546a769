package loomlab.engine;

/** Which clock a run reads. */
public enum ClockMode {
    /** Wall-clock time: sleeping a second takes a second. */
    REAL,
    /**
     * Virtual time, as in Go's {@code testing/synctest}: it stands still while any goroutine can run
     * and, when every goroutine is blocked, jumps to the earliest pending timer and fires it. It
     * starts at 2000-01-01 00:00:00 UTC. Timings are exact and repeatable.
     */
    VIRTUAL
}
