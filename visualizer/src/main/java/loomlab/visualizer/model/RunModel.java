package loomlab.visualizer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import loomlab.engine.events.Traced;

/**
 * The visual model of one run: its append-only event log, and the {@link VisualState} at any
 * event of it. The state at event <i>n</i> is a pure function of events 1..<i>n</i>.
 *
 * <h2>Design</h2>
 * <ol>
 * <li>A live {@link VisualFold} applies each event as it is appended, in place: the fold of a long
 *     run is one pass with no copying.</li>
 * <li>Every {@link #SNAPSHOT_INTERVAL} events the live fold is frozen into a snapshot. A freeze
 *     copies the present state (goroutines, queues, buffers …), never the history: printed lines
 *     live once, in an {@link OutputLog} shared by every state, which holds only a count.</li>
 * <li>{@link #stateAt} thaws the nearest snapshot at or before the target and replays fewer than
 *     {@link #SNAPSHOT_INTERVAL} events, so a seek costs the same backward as forward. A cursor
 *     (the fold of the last seek) is reused when it lies between that snapshot and the target,
 *     so stepping forward one event at a time replays one event.</li>
 * </ol>
 * Rejected: a snapshot per event (memory grows with the history times the state); only the live
 * fold with replay from the start (a seek in a long run would replay a million events); undoing
 * events to seek backward (many events, such as a dequeue from the middle of a wait queue, do not
 * carry what undoing them needs).
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>{@code events.get(i).seq() == i + 1}: the log has no gaps.</li>
 * <li>{@code snapshots.get(k).seq() == k * SNAPSHOT_INTERVAL} for every k, and snapshot 0 is the
 *     state before any event.</li>
 * <li>{@code live.seq() == events.size()}.</li>
 * </ul>
 *
 * <p>Not thread-safe: one thread (the FX thread, fed in batches) appends and seeks. The states it
 * hands out are immutable, but read the shared output log, so they stay on that thread too.
 */
public final class RunModel {
    /** Events between snapshots: a seek replays fewer than this many (about 2 ms at 2M events/s). */
    public static final int SNAPSHOT_INTERVAL = 4096;

    private final List<Traced> events = new ArrayList<>();
    private final List<VisualState> snapshots = new ArrayList<>();
    private final OutputLog log = new OutputLog();
    private final VisualFold live = new VisualFold(log);
    /** The last {@link #latest()}, or null once an event was appended after it. */
    private VisualState latest;
    /** The fold left by the last seek, or null. */
    private VisualFold cursor;

    public RunModel() {
        latest = live.freeze();
        snapshots.add(latest);
    }

    /** A model of every event of {@code run}, in order. */
    public static RunModel of(List<Traced> run) {
        RunModel model = new RunModel();
        run.forEach(model::append);
        return model;
    }

    // ---------------------------------------------------------------- commands

    /**
     * Appends the next event of the run, as it arrives.
     *
     * @throws IllegalArgumentException if its sequence number is not the next one
     */
    public void append(Traced event) {
        if (event.seq() != events.size() + 1) {
            throw new IllegalArgumentException("event " + event.seq() + " appended after event " + events.size());
        }
        events.add(event);
        live.apply(event);
        latest = null;
        if (event.seq() % SNAPSHOT_INTERVAL == 0) {
            snapshots.add(live.freeze());
        }
    }

    // ---------------------------------------------------------------- properties

    /** How many events the run has so far. */
    public long size() {
        return events.size();
    }

    /** The events so far, oldest first; a read-only view. */
    public List<Traced> events() {
        return Collections.unmodifiableList(events);
    }

    /** The state after the last event appended. */
    public VisualState latest() {
        if (latest == null) {
            latest = live.freeze();
        }
        return latest;
    }

    /**
     * The state after event {@code seq} (0: before any event), reached from the nearest snapshot.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= seq <= size()}
     */
    public VisualState stateAt(long seq) {
        if (seq < 0 || seq > events.size()) {
            throw new IndexOutOfBoundsException("event " + seq + " of " + events.size());
        }
        if (seq == events.size()) {
            return latest();
        }
        VisualState snapshot = snapshots.get((int) (seq / SNAPSHOT_INTERVAL));
        if (snapshot.seq() == seq) {
            return snapshot;
        }
        if (cursor == null || cursor.seq() > seq || cursor.seq() < snapshot.seq()) {
            cursor = VisualFold.thaw(snapshot, log);
        }
        for (long next = cursor.seq() + 1; next <= seq; next++) {
            cursor.apply(events.get((int) (next - 1)));
        }
        return cursor.freeze();
    }
}
