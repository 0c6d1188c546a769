package loomlab.exercises.grading;

/** A check's body: runs as the main goroutine of one run, once per schedule. */
@FunctionalInterface
public interface Body {
    void run(Run run) throws Exception;
}
