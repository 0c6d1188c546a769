package loomlab.exercises.api;

import java.util.List;
import loomlab.engine.Context;

/** Exercise {@code first-error}: run tasks together; the first failure stops the others. */
public interface FirstError {
    /** One task: returns normally on success, throws its error on failure; should stop when {@code ctx} is done. */
    @FunctionalInterface
    interface Task {
        void run(Context ctx) throws Exception;
    }

    /**
     * Runs every task at once, each in its own goroutine, and waits for all of them. When a task
     * fails, the context the others were given is canceled. Returns the first error, or null if
     * every task succeeded.
     */
    Exception runAll(Context parent, List<Task> tasks);
}
