import java.util.List;
import loomlab.engine.Context;
import loomlab.engine.ErrGroup;
import loomlab.exercises.api.FirstError;

/** Runs tasks together; the first failure stops the others. */
public class AllOrNothing implements FirstError {
    @Override
    public Exception runAll(Context parent, List<Task> tasks) {
        ErrGroup g = ErrGroup.withContext(parent);
        Context ctx = g.context(); // canceled by the group at the first error
        for (Task task : tasks) {
            g.go(() -> task.run(ctx));
        }
        return g.await();
    }
}
