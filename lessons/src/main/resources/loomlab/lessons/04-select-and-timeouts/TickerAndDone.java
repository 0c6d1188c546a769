import static loomlab.engine.Go.*;
import static loomlab.engine.Select.*;

import java.time.Duration;
import java.time.Instant;
import loomlab.engine.Chan;
import loomlab.engine.Ticker;
import loomlab.engine.Time;

/** A job runs on every tick of a 100ms ticker until done is closed; then the ticker is stopped. */
public class TickerAndDone {
    public static void main(String[] args) {
        Instant start = Time.now();
        Chan<Void> done = Chan.make("done");
        Chan<Void> stopped = Chan.make("stopped");
        go("poller", () -> {
            Ticker ticker = Time.newTicker(Duration.ofMillis(100));
            try { // Go: defer ticker.Stop()
                int[] ticks = {0};
                boolean[] quit = {false};
                while (!quit[0]) {
                    select(recv(ticker.C, () -> println("poller: tick", ++ticks[0], "at", Time.format(Time.since(start)))),
                            recv(done, () -> {
                                println("poller: stopped at", Time.format(Time.since(start)), "after", ticks[0], "ticks");
                                quit[0] = true;
                            }));
                }
            } finally {
                ticker.stop();
                stopped.close();
            }
        });
        Time.sleep(Duration.ofMillis(350));
        done.close(); // tell the poller to stop
        stopped.recv(); // and wait until it has
    }
}
