import static loomlab.engine.Go.*;

import loomlab.engine.Chan;
import loomlab.engine.Received;

/** What a closed channel still gives, and what it refuses. */
public class ClosedChannel {
    public static void main(String[] args) {
        Chan<String> letters = Chan.make("letters", 2);
        letters.send("a");
        letters.send("b");
        letters.close();
        println("closed with", letters.len(), "values still in the buffer");
        for (String s : letters) {
            println("got", s);
        }
        Received<String> r = letters.recvOk();
        println("after the buffer is drained: value", r.value(), "ok", r.ok());
        letters.send("c");
        println("main: sent c");
    }
}
