package loomlab.exercises.grading;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import loomlab.engine.RecvChan;
import loomlab.engine.Select;
import loomlab.engine.Time;

/**
 * Everything a channel delivered until it was closed, or until patience ran out: Go's
 * {@code for v := range ch}, made safe for grading, so that a channel the learner never closes is
 * reported as such instead of as a deadlock.
 *
 * @param values    what arrived, in order
 * @param closed    whether the channel was closed (and drained) within patience
 * @param arrivals  when each value arrived, in virtual time since the drain began
 * @param elapsed   virtual time from the start of the drain to the close, or to the end of patience
 */
public record Drained<T>(List<T> values, boolean closed, List<Duration> arrivals, Duration elapsed) {
    public Drained {
        values = List.copyOf(values);
        arrivals = List.copyOf(arrivals);
    }

    /** Receives from {@code ch} until it is closed, or {@code patience} of virtual time has passed. */
    public static <T> Drained<T> drain(RecvChan<T> ch, Duration patience) {
        Instant start = Time.now();
        RecvChan<Instant> giveUp = Time.after(patience);
        List<T> values = new ArrayList<>();
        List<Duration> arrivals = new ArrayList<>();
        boolean[] closed = {false};
        boolean[] waiting = {true};
        while (waiting[0]) {
            Select.select(
                    Select.recvOk(ch, (v, ok) -> {
                        if (ok) {
                            values.add(v);
                            arrivals.add(Time.since(start));
                        } else {
                            closed[0] = true;
                            waiting[0] = false;
                        }
                    }),
                    Select.recv(giveUp, () -> waiting[0] = false));
        }
        return new Drained<>(values, closed[0], arrivals, Time.since(start));
    }
}
