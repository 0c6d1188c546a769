import static loomlab.engine.Go.*;

/** main starts three workers and returns at once: nothing waits for them. */
public class MainDoesNotWait {
    public static void main(String[] args) {
        for (int i = 1; i <= 3; i++) {
            int id = i;
            go("worker-" + id, () -> println("worker", id, "done"));
        }
        println("main: started 3 workers, returning");
    }
}
