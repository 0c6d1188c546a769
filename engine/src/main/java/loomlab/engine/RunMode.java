package loomlab.engine;

/** How a run schedules its goroutines. */
public enum RunMode {
    /** GOMAXPROCS carriers run goroutines in parallel (Go's scheduler, on our G-M-P model). */
    REAL,
    /**
     * One carrier runs one goroutine at a time; a seeded policy picks the next at every engine
     * operation; the clock is virtual. The same program, seed and settings give the same run.
     */
    DETERMINISTIC
}
