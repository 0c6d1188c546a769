package loomlab.engine.events;

/**
 * Receives every event of a run, in sequence order, on one thread of the run's own (never on a
 * goroutine), so it may block briefly, but it must not call back into the engine. Every event has
 * been delivered when {@code Runtime.start} returns. A run without a listener records nothing.
 */
@FunctionalInterface
public interface EventListener {
    void on(Traced event);
}
