package loomlab.visualizer.views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import loomlab.engine.events.Event;
import loomlab.engine.events.Traced;

/**
 * The timeline's lanes, folded from a run's events: one lane per P, showing which goroutine ran on
 * it, then one per goroutine, showing when it was runnable, running or blocked. Built once per
 * event as the run grows ({@link #index}), never again per frame.
 *
 * <p>A lane is a list of segments {@code [start, end)} in seq, sorted and disjoint, plus at most one
 * open segment that lasts to the end of the run so far. Ps come first, then goroutines in the
 * order created.
 */
final class TimelineViewLanes {
    /** A goroutine waiting for a P. */
    static final byte RUNNABLE = 0;
    /** A goroutine running; on a P lane, the goroutine it runs. */
    static final byte RUNNING = 1;
    /** A goroutine parked (any wait reason, syscall included). */
    static final byte BLOCKED = 2;

    /** One lane: a P's ({@code g == 0}) or a goroutine's. */
    static final class Lane {
        final long g;
        final int p;
        final String label;
        long[] starts = new long[8];
        long[] ends = new long[8];
        long[] who = new long[8];
        byte[] kinds = new byte[8];
        int n;
        /** A goroutine lane's place among the goroutine lanes. */
        int order;
        byte openKind = -1;
        long openStart;
        long openWho;

        Lane(long g, int p, String label) {
            this.g = g;
            this.p = p;
            this.label = label;
        }

        /** From {@code seq} on, the lane is in {@code kind} (for {@code who}); the open segment ends. */
        void enter(byte kind, long seq, long whoNow) {
            close(seq);
            openKind = kind;
            openStart = seq;
            openWho = whoNow;
        }

        /** The open segment, if any, ends at {@code seq}. */
        void close(long seq) {
            if (openKind < 0) {
                return;
            }
            if (seq > openStart) {
                if (n == starts.length) {
                    int size = n * 2;
                    starts = Arrays.copyOf(starts, size);
                    ends = Arrays.copyOf(ends, size);
                    who = Arrays.copyOf(who, size);
                    kinds = Arrays.copyOf(kinds, size);
                }
                starts[n] = openStart;
                ends[n] = seq;
                who[n] = openWho;
                kinds[n] = openKind;
                n++;
            }
            openKind = -1;
        }

        /** The first closed segment that ends after {@code seq}. */
        int firstEndingAfter(long seq) {
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ends[mid] <= seq) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private final List<Lane> processors = new ArrayList<>();
    private final List<Lane> goroutines = new ArrayList<>();
    private final Map<Long, Lane> byGoroutine = new HashMap<>();
    /** The P each running goroutine runs on. */
    private final Map<Long, Integer> runningOn = new HashMap<>();
    private int indexed;

    /** Folds in the events of {@code events} not yet seen. */
    void index(List<Traced> events) {
        if (events.size() < indexed) {
            throw new IllegalStateException("the run shrank from " + indexed + " to " + events.size() + " events");
        }
        for (int i = indexed; i < events.size(); i++) {
            apply(events.get(i));
        }
        indexed = events.size();
    }

    /** Events folded in so far. */
    int size() {
        return indexed;
    }

    int laneCount() {
        return processors.size() + goroutines.size();
    }

    int processorCount() {
        return processors.size();
    }

    Lane lane(int i) {
        return i < processors.size() ? processors.get(i) : goroutines.get(i - processors.size());
    }

    /** The lane of goroutine {@code g}, as an index, or -1. */
    int laneOf(long g) {
        Lane lane = byGoroutine.get(g);
        return lane == null ? -1 : processors.size() + lane.order;
    }

    private void apply(Traced t) {
        long seq = t.seq();
        switch (t.event()) {
            case Event.GoCreate c -> goroutine(c.g(), c.name()).enter(RUNNABLE, seq, c.g());
            case Event.GoStart s -> {
                goroutine(s.g(), null).enter(RUNNING, seq, s.g());
                stopRunning(s.g(), seq);
                if (t.p() >= 0) {
                    processor(t.p()).enter(RUNNING, seq, s.g());
                    runningOn.put(s.g(), t.p());
                }
            }
            case Event.GoBlock b -> {
                goroutine(b.g(), null).enter(BLOCKED, seq, b.g());
                stopRunning(b.g(), seq);
            }
            case Event.GoUnblock u -> goroutine(u.g(), null).enter(RUNNABLE, seq, u.g());
            case Event.GoYield y -> {
                goroutine(y.g(), null).enter(RUNNABLE, seq, y.g());
                stopRunning(y.g(), seq);
            }
            case Event.GoEnd e -> {
                goroutine(e.g(), null).close(seq);
                stopRunning(e.g(), seq);
            }
            case Event.GoPanic e -> {
                goroutine(e.g(), null).close(seq);
                stopRunning(e.g(), seq);
            }
            default -> {
            }
        }
    }

    /** {@code g} stops running at {@code seq}: the P it ran on goes idle. */
    private void stopRunning(long g, long seq) {
        Integer p = runningOn.remove(g);
        if (p != null) {
            Lane lane = processors.get(indexOfProcessor(p));
            if (lane.openWho == g) {
                lane.close(seq);
            }
        }
    }

    private Lane goroutine(long g, String name) {
        Lane lane = byGoroutine.get(g);
        if (lane == null) {
            String label = "g" + g + (name == null || name.isEmpty() ? "" : " " + name);
            lane = new Lane(g, -1, label);
            lane.order = goroutines.size();
            byGoroutine.put(g, lane);
            goroutines.add(lane);
        }
        return lane;
    }

    private Lane processor(int p) {
        int i = indexOfProcessor(p);
        if (i >= 0) {
            return processors.get(i);
        }
        Lane lane = new Lane(0, p, "P" + p);
        int at = 0;
        while (at < processors.size() && processors.get(at).p < p) {
            at++;
        }
        processors.add(at, lane);
        return lane;
    }

    private int indexOfProcessor(int p) {
        for (int i = 0; i < processors.size(); i++) {
            if (processors.get(i).p == p) {
                return i;
            }
        }
        return -1;
    }
}
