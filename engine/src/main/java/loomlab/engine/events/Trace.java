package loomlab.engine.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole run: what it was, and everything that happened in it, in sequence order.
 *
 * @param metadata what the run was ({@link #PROGRAM}, {@link #MODE}, …), in the order written
 * @param events   its events
 */
public record Trace(Map<String, String> metadata, List<Traced> events) {
    /** The metadata key of the program's name. */
    public static final String PROGRAM = "program";
    /** The metadata key of the scheduling mode (deterministic or parallel). */
    public static final String MODE = "mode";
    /** The metadata key of the seed of a deterministic run. */
    public static final String SEED = "seed";
    /** The metadata key of {@code GOMAXPROCS}. */
    public static final String PROCS = "procs";
    /** The metadata key of the clock (virtual or real). */
    public static final String CLOCK = "clock";

    public Trace {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        events = List.copyOf(events);
    }
}
