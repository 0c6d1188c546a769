import static loomlab.engine.Go.*;

import loomlab.engine.Chan;

/** The classic mistake: a send on an unbuffered channel with nobody to receive. */
public class Deadlock {
    public static void main(String[] args) {
        Chan<String> ch = Chan.make();
        ch.send("hello");   // blocks forever: no receiver
        println(ch.recv());
    }
}
