import java.util.List;
import loomlab.engine.Context;
import loomlab.engine.ErrGroup;
import loomlab.exercises.api.FirstError;

/** Wrong: the tasks get the parent context, which the group never cancels. */
public class AllOrNothing implements FirstError {
    @Override
    public Exception runAll(Context parent, List<Task> tasks) {
        ErrGroup g = ErrGroup.withContext(parent);
        for (Task task : tasks) {
            g.go(() -> task.run(parent));
        }
        return g.await();
    }
}
