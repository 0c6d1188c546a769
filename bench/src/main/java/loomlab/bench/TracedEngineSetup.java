package loomlab.bench;

import loomlab.engine.Runtime;
import loomlab.engine.events.EventListener;
import loomlab.engine.events.Traced;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@link EngineSetup} plus whether anybody listens to the run's events: {@code none} (nothing is
 * recorded) or {@code counting}, a listener that only counts them, so the score shows what
 * emitting events costs the engine, not what a listener does with them.
 */
@State(Scope.Benchmark)
public class TracedEngineSetup extends EngineSetup {
    @Param({"none", "counting"})
    public String events;

    /** Events seen by the counting listener over the whole trial (read only to keep it alive). */
    final Counter counter = new Counter();

    @Override
    Runtime.Builder builder() {
        Runtime.Builder b = super.builder();
        return switch (events) {
            case "none" -> b;
            case "counting" -> b.events(counter);
            default -> throw new IllegalArgumentException("events must be none or counting, not " + events);
        };
    }

    /** The engine calls a run's listener one event at a time, in sequence order: a plain field is enough. */
    static final class Counter implements EventListener {
        long count;

        @Override
        public void on(Traced event) {
            count++;
        }
    }
}
