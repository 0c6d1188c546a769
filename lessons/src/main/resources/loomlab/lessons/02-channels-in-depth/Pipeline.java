import static loomlab.engine.Go.*;

import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.engine.SendChan;

/** Each stage gets only the side of a channel it needs: the types say who sends and who closes. */
public class Pipeline {
    static void produce(SendChan<Integer> out) {
        for (int i = 1; i <= 3; i++) {
            out.send(i);
        }
        out.close(); // the sender closes: "no more values"
    }

    static void square(RecvChan<Integer> in, SendChan<Integer> out) {
        for (int v : in) { // ends when in is closed and drained
            out.send(v * v);
        }
        out.close();
    }

    public static void main(String[] args) {
        Chan<Integer> numbers = Chan.make("numbers");
        Chan<Integer> squares = Chan.make("squares");
        go("producer", () -> produce(numbers));
        go("squarer", () -> square(numbers, squares));
        for (int s : squares) {
            println("main: got", s);
        }
        println("main: squares is closed, done");
    }
}
