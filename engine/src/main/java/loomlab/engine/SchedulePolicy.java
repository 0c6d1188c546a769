package loomlab.engine;

/** How a deterministic run picks the next goroutine at each switch point. */
public enum SchedulePolicy {
    /** Uniformly at random among the goroutines that can run, from the run's seed. */
    RANDOM,
    /**
     * Probabilistic Concurrency Testing (Burckhardt et al., ASPLOS 2010): each goroutine gets a
     * random priority, the highest runnable one runs, and at a few random steps the running one
     * drops to the lowest priority. Finds ordering bugs of small depth with known probability,
     * usually in far fewer runs than uniform choice.
     */
    PCT
}
