package loomlab.exercises;

import java.util.List;
import loomlab.lessons.Text;

/**
 * An exercise: a task, the code a learner starts from, the reference solution, hints, and the JUnit
 * tests that grade it. Exercises are data plus one grading test class each (see
 * {@code exercises/README.md} for how an author adds one).
 *
 * @param id           stable, kebab-case (e.g. {@code worker-pool}); progress is kept by it
 * @param order        where it stands in the exercise list, ascending
 * @param title        its title
 * @param statement    the task, CommonMark
 * @param lesson       the id of the lesson it follows, or null
 * @param className    the public class the learner writes (default package), e.g. {@code WorkerPool}
 * @param starter      the whole {@code .java} file the learner starts from
 * @param reference    the whole {@code .java} file of a solution that passes every check
 * @param hints        in the order they are offered
 * @param gradingTests the fully qualified name of the JUnit 5 class that grades it
 */
public record Exercise(String id, int order, Text title, Text statement, String lesson, String className,
                       String starter, String reference, List<Text> hints, String gradingTests) {
    public Exercise {
        hints = List.copyOf(hints);
    }
}
