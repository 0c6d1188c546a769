package loomlab.engine.events;

/**
 * Receives every event of a run, in sequence order, on the thread that caused it. It must be fast
 * and must not call back into the engine. A run without a listener records nothing.
 */
@FunctionalInterface
public interface EventListener {
    void on(Traced event);
}
