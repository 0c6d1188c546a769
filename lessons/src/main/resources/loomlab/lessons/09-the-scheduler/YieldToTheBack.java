import static loomlab.engine.Go.*;

import loomlab.engine.Go;
import loomlab.engine.WaitGroup;

/** Go.yield() (Go's runtime.Gosched) puts the goroutine on the global queue, behind the others. */
public class YieldToTheBack {
    public static void main(String[] args) {
        WaitGroup wg = new WaitGroup();
        for (String name : new String[] {"a", "b"}) {
            wg.add(1);
            go(name, () -> {
                for (int i = 0; i < 3; i++) {
                    println(name, i);
                    Go.yield(); // 'yield' alone is a Java keyword: call it as Go.yield()
                }
                wg.done();
            });
        }
        wg.await();
    }
}
