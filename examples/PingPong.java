import static loomlab.engine.Go.*;

import loomlab.engine.Chan;

/** Two goroutines hand a ball back and forth over unbuffered channels. */
public class PingPong {
    public static void main(String[] args) {
        Chan<Integer> ping = Chan.make();
        Chan<Integer> pong = Chan.make();
        go("ponger", () -> {
            for (Integer ball : ping) {
                pong.send(ball + 1);
            }
        });
        int ball = 0;
        for (int i = 0; i < 3; i++) {
            ping.send(ball);
            ball = pong.recv();
            println("ball is now", ball);
        }
        ping.close();
    }
}
