package loomlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A stated fact that is false in the run fails, and says why: a wrong answer key cannot pass. */
class FactTest {
    private static ExampleRun run;

    @BeforeAll
    static void runOnce() {
        String source = """
                import static loomlab.engine.Go.*;

                import loomlab.engine.CancelContext;
                import loomlab.engine.Chan;
                import loomlab.engine.Context;

                public class Facts {
                    public static void main(String[] args) {
                        CancelContext job = Context.withCancel("job", Context.background());
                        CancelContext other = Context.withCancel("other", Context.background());
                        Chan<Integer> ch = Chan.make("ch");
                        go("sender", () -> ch.send(1));
                        println("got", ch.recv());
                        job.cancel();
                        go("stuck", () -> Chan.make().recv());
                    }
                }
                """;
        run = ExampleRun.of(new Example("Facts", source, 1, 1, loomlab.engine.RunMode.DETERMINISTIC, List.of(), 0));
    }

    private static String failure(String fact) {
        LessonFile file = new LessonFile("lesson.txt", "check: " + fact);
        return Fact.parse(file, 1, fact).failure(run.output(), run.result(), run.events());
    }

    @Test
    void trueFactsHold() {
        assertNull(failure("prints got 1"));
        assertNull(failure("never-prints got 2"));
        assertNull(failure("leaks 1"));
        assertNull(failure("canceled job context canceled"));
        assertNull(failure("never-canceled other"));
    }

    @Test
    void falseFactsSayWhy() {
        assertEquals("the output has no line 'got 2'", failure("prints got 2"));
        assertEquals("the output has the line 'got 1'", failure("never-prints got 1"));
        assertEquals("1 goroutines leaked, not 0", failure("leaks 0"));
        assertEquals("context job was not canceled with 'context deadline exceeded'",
                failure("canceled job context deadline exceeded"));
        assertEquals("context job was canceled", failure("never-canceled job"));
        assertEquals("no context is named nobody", failure("never-canceled nobody"));
    }

    @Test
    void blockingIsReadFromTheEvents() {
        // Whether the sender or main arrives first depends on the schedule; exactly one of them waits.
        boolean senderWaited = failure("blocks sender chan send") == null;
        boolean mainWaited = failure("blocks main chan receive") == null;
        assertEquals(true, senderWaited ^ mainWaited, "exactly one side of a rendezvous waits");
        assertEquals("goroutine sender never blocked on sleep", failure("blocks sender sleep"));
        assertNull(failure("never-blocks sender sleep"));
    }
}
