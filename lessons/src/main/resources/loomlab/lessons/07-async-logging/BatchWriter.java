import static loomlab.engine.Go.*;
import static loomlab.engine.Select.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import loomlab.engine.Chan;
import loomlab.engine.Time;

/** The writer writes a batch when it holds three records or when its ticker ticks, whichever comes first. */
public class BatchWriter {
    static void flush(ArrayList<String> batch, String why, Instant start) { // one write for the whole batch
        println("log-writer: flush at", Time.format(Time.since(start)), "(" + why + "):", String.join(" ", batch));
        batch.clear();
    }

    public static void main(String[] args) {
        Instant start = Time.now();
        Chan<String> logs = Chan.make("logs", 8);
        Chan<Void> written = Chan.make("written");
        go("log-writer", () -> {
            var batch = new ArrayList<String>();
            var ticker = Time.newTicker(Duration.ofMillis(100));
            for (boolean[] open = {true}; open[0]; ) {
                select(recvOk(logs, (rec, ok) -> {
                    if (ok) batch.add(rec); else open[0] = false; // closed and drained: leave the loop
                    if (batch.size() == 3) flush(batch, "batch full", start);
                }), recv(ticker.C, () -> { if (!batch.isEmpty()) flush(batch, "tick", start); }));
            }
            ticker.stop(); // Go: defer ticker.Stop()
            if (!batch.isEmpty()) flush(batch, "closed", start); // what is left at shutdown
            written.close();
        });
        for (int i = 1; i <= 6; i++) { // five records 10ms apart, then a quiet spell
            Time.sleepMillis(i < 6 ? 10 : 200);
            logs.send("rec-" + i);
        }
        logs.close(); written.recv(); // no more records; wait until the writer has flushed them all
    }
}
