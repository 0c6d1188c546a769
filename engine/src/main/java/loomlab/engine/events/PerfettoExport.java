package loomlab.engine.events;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import loomlab.engine.events.Event.*;

/**
 * Writes a run as Chrome trace-event JSON (the object form, {@code {"traceEvents": [...]}}), which
 * Perfetto (ui.perfetto.dev) and {@code chrome://tracing} open.
 *
 * <h2>What it shows</h2>
 * <ul>
 * <li>Process "goroutines": a track per goroutine ({@code tid} = goroutine id, named
 *     {@code G1 main}), cut into complete slices ({@code "ph":"X"}): {@code running} from
 *     {@code GoStart} until the goroutine blocks, yields or ends; its wait reason
 *     ({@code chan receive} …) from {@code GoBlock} until {@code GoUnblock}; {@code runnable} in
 *     between. Channel sends, receives and closes, panics, output lines and leaks are instants on
 *     the track of the goroutine that caused them. Events without a goroutine (a timer firing, a
 *     deadline's cancel) go on a track named {@code runtime} ({@code tid} 0).</li>
 * <li>Process "processors": a track per P ({@code tid} = P number, named {@code P0}) with a slice
 *     per goroutine it ran.</li>
 * <li>A deadlock and the exit are global instants; the run's metadata is {@code otherData}.</li>
 * </ul>
 * Slices still open at the last event end there. On the real clock, events of different carriers
 * can arrive slightly out of time order; a slice that would end before it began gets no duration.
 *
 * <p>Timestamps are microseconds ({@code nanos / 1000}, written exactly, without exponent). A run on
 * the virtual clock spends most of its events at the same instant, so {@link TimeAxis#SEQUENCE}
 * spaces events by sequence number instead (one "microsecond" per event).
 *
 * <p>The JSON is written by hand, one trace event per line; strings are escaped per RFC 8259,
 * lone surrogates included.
 */
public final class PerfettoExport {
    /** What the timestamps measure. */
    public enum TimeAxis {
        /** The run's clock: {@code ts = nanos / 1000}. */
        CLOCK,
        /** The sequence number: {@code ts = seq}, so that events at one instant stay apart. */
        SEQUENCE
    }

    private static final int GOROUTINES_PID = 1;
    private static final int PROCESSORS_PID = 2;
    /** The track of events that no goroutine caused. */
    private static final long RUNTIME_TID = 0;

    private final Appendable out;
    private final TimeAxis axis;
    private boolean firstEvent = true;
    /** Goroutine id → name (null if unnamed); every goroutine seen, in id order. */
    private final Map<Long, String> goroutineNames = new TreeMap<>();
    private final SortedSet<Integer> processorsSeen = new TreeSet<>();
    private boolean runtimeTrackUsed;
    /** The slice each goroutine is in. */
    private final Map<Long, OpenSlice> goroutineSlices = new HashMap<>();
    /** The goroutine each P runs, as a slice. */
    private final Map<Integer, OpenSlice> processorSlices = new HashMap<>();
    /** The P each running goroutine runs on. */
    private final Map<Long, Integer> runningOn = new HashMap<>();

    /**
     * A slice that has begun and not yet ended.
     *
     * @param g    the goroutine it belongs to (on a P: the goroutine that runs)
     * @param args a JSON object, or null
     */
    private record OpenSlice(long g, String name, String color, long start, String args) {
    }

    private PerfettoExport(Appendable out, TimeAxis axis) {
        this.out = out;
        this.axis = axis;
    }

    /** {@code trace} as JSON text, on the run's clock. */
    public static String toJson(Trace trace) {
        return toJson(trace, TimeAxis.CLOCK);
    }

    /** {@code trace} as JSON text. */
    public static String toJson(Trace trace, TimeAxis axis) {
        StringBuilder json = new StringBuilder();
        try {
            write(trace, axis, json);
        } catch (IOException e) {
            throw new AssertionError("a StringBuilder does not fail", e);
        }
        return json.toString();
    }

    /** Writes {@code trace} to a new UTF-8 file at {@code path}. */
    public static void write(Trace trace, TimeAxis axis, Path path) throws IOException {
        try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            write(trace, axis, writer);
        }
    }

    /** Appends {@code trace} as JSON to {@code out}. */
    public static void write(Trace trace, TimeAxis axis, Appendable out) throws IOException {
        new PerfettoExport(out, axis).export(trace);
    }

    private void export(Trace trace) throws IOException {
        out.append("{\"displayTimeUnit\":\"ns\",\n\"otherData\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : trace.metadata().entrySet()) {
            out.append(first ? "" : ",").append(string(e.getKey())).append(':').append(string(e.getValue()));
            first = false;
        }
        out.append("},\n\"traceEvents\":[\n");
        long last = 0;
        for (Traced t : trace.events()) {
            last = Math.max(last, time(t));
            export(t, time(t));
        }
        for (Map.Entry<Long, OpenSlice> e : new TreeMap<>(goroutineSlices).entrySet()) {
            slice(GOROUTINES_PID, e.getKey(), e.getValue(), last);
        }
        for (Map.Entry<Integer, OpenSlice> e : new TreeMap<>(processorSlices).entrySet()) {
            slice(PROCESSORS_PID, e.getKey(), e.getValue(), last);
        }
        names();
        out.append("\n]}\n");
    }

    private void export(Traced t, long ts) throws IOException {
        switch (t.event()) {
            case GoCreate(long g, long parent, String name) -> {
                goroutineNames.put(g, name);
                begin(g, "runnable", "thread_state_runnable", ts, "{\"creator\":" + parent + "}");
            }
            case GoStart(long g) -> {
                begin(g, "running", "thread_state_running", ts, null);
                if (t.p() >= 0) {
                    processorsSeen.add(t.p());
                    runningOn.put(g, t.p());
                    endOnProcessor(t.p(), ts);
                    processorSlices.put(t.p(), new OpenSlice(g, goroutineName(g), null, ts, "{\"g\":" + g + "}"));
                }
            }
            case GoBlock(long g, String reason, long object) -> {
                leaveProcessor(g, ts);
                begin(g, reason, "thread_state_sleeping", ts, "{\"object\":" + object + "}");
            }
            case GoUnblock(long g, long by) -> begin(g, "runnable", "thread_state_runnable", ts, "{\"by\":" + by + "}");
            case GoYield(long g) -> {
                leaveProcessor(g, ts);
                begin(g, "runnable", "thread_state_runnable", ts, null);
            }
            case GoEnd(long g) -> end(g, ts);
            case GoPanic(long g, String value) -> {
                end(g, ts);
                instant(g, "panic: " + value, ts, null);
            }
            case ChanSend(long ch, long g, String value, int slot, long to) -> instant(g, "send " + value + " on ch" + ch, ts,
                    "{\"ch\":" + ch + ",\"value\":" + string(value) + ",\"slot\":" + slot + ",\"to\":" + to + "}");
            case ChanRecv(long ch, long g, String value, boolean ok, int slot, long from) -> instant(g,
                    "recv " + value + (ok ? "" : " (closed)") + " from ch" + ch, ts, "{\"ch\":" + ch + ",\"value\":"
                            + string(value) + ",\"ok\":" + ok + ",\"slot\":" + slot + ",\"from\":" + from + "}");
            case ChanClose(long ch, long g) -> instant(g, "close ch" + ch, ts, "{\"ch\":" + ch + "}");
            case CtxCancel(long ctx, String err, String cause) -> instant(t.g(), "cancel ctx" + ctx, ts,
                    "{\"ctx\":" + ctx + ",\"err\":" + string(err) + ",\"cause\":" + string(cause) + "}");
            case TimerFire(long timer) -> instant(t.g(), "timer" + timer + " fired", ts, "{\"timer\":" + timer + "}");
            case Output(long g, String text) -> instant(g, "print", ts, "{\"text\":" + string(text) + "}");
            case Leak(long g, String reason) -> instant(g, "leaked: " + reason, ts, null);
            case Deadlock(String report) -> global("deadlock", ts, "{\"report\":" + string(report) + "}");
            case Exit(int status, String report) -> global("exit " + status, ts, "{\"report\":" + string(report) + "}");
            case RunqPush _, RunqPop _, RunqSteal _, GlobalPush _, GlobalPop _, MStart _, MPark _, MUnpark _,
                 Handoff _, ChanMake _, WaiterEnqueue _, WaiterDequeue _, SelectBegin _, SelectChosen _, CtxCreate _,
                 TimerStart _, TimerStop _, ClockAdvance _, LockWait _, LockAcquire _, LockRelease _ -> {
                // Kept in the saved trace; the export does not draw them.
            }
        }
    }

    // ---------------------------------------------------------------- slices

    /** Ends {@code g}'s current slice at {@code ts} and begins the next. */
    private void begin(long g, String name, String color, long ts, String args) throws IOException {
        end(g, ts);
        goroutineSlices.put(g, new OpenSlice(g, name, color, ts, args));
    }

    /** Ends {@code g}'s current slice and its slice on a P, if it has them. */
    private void end(long g, long ts) throws IOException {
        goroutineNames.putIfAbsent(g, null);
        leaveProcessor(g, ts);
        OpenSlice open = goroutineSlices.remove(g);
        if (open != null) {
            slice(GOROUTINES_PID, g, open, ts);
        }
    }

    /** Ends {@code g}'s slice on its P, unless another goroutine started there since (an event was lost). */
    private void leaveProcessor(long g, long ts) throws IOException {
        Integer p = runningOn.remove(g);
        OpenSlice open = p == null ? null : processorSlices.get(p);
        if (open != null && open.g() == g) {
            endOnProcessor(p, ts);
        }
    }

    private void endOnProcessor(int p, long ts) throws IOException {
        OpenSlice open = processorSlices.remove(p);
        if (open != null) {
            slice(PROCESSORS_PID, p, open, ts);
        }
    }

    private void slice(int pid, long tid, OpenSlice s, long endTs) throws IOException {
        StringBuilder e = new StringBuilder("{\"ph\":\"X\",\"pid\":").append(pid).append(",\"tid\":").append(tid)
                .append(",\"ts\":").append(micros(s.start()))
                .append(",\"dur\":").append(micros(Math.max(0, endTs - s.start())))
                .append(",\"name\":").append(string(s.name()));
        if (s.color() != null) {
            e.append(",\"cname\":").append(string(s.color()));
        }
        if (s.args() != null) {
            e.append(",\"args\":").append(s.args());
        }
        emit(e.append('}'));
    }

    // ---------------------------------------------------------------- instants and names

    private void instant(long g, String name, long ts, String args) throws IOException {
        if (g == RUNTIME_TID) {
            runtimeTrackUsed = true;
        } else {
            goroutineNames.putIfAbsent(g, null);
        }
        StringBuilder e = new StringBuilder("{\"ph\":\"i\",\"s\":\"t\",\"pid\":").append(GOROUTINES_PID)
                .append(",\"tid\":").append(g).append(",\"ts\":").append(micros(ts))
                .append(",\"name\":").append(string(name));
        if (args != null) {
            e.append(",\"args\":").append(args);
        }
        emit(e.append('}'));
    }

    private void global(String name, long ts, String args) throws IOException {
        runtimeTrackUsed = true;
        emit(new StringBuilder("{\"ph\":\"i\",\"s\":\"g\",\"pid\":").append(GOROUTINES_PID)
                .append(",\"tid\":0,\"ts\":").append(micros(ts)).append(",\"name\":").append(string(name))
                .append(",\"args\":").append(args).append('}'));
    }

    /** The process and track names, and their order. */
    private void names() throws IOException {
        Map<Long, String> goroutineTracks = new LinkedHashMap<>();
        if (runtimeTrackUsed) {
            goroutineTracks.put(RUNTIME_TID, "runtime");
        }
        goroutineNames.keySet().forEach(g -> goroutineTracks.put(g, goroutineName(g)));
        process(GOROUTINES_PID, "goroutines", goroutineTracks);
        Map<Long, String> processorTracks = new LinkedHashMap<>();
        processorsSeen.forEach(p -> processorTracks.put((long) p, "P" + p));
        if (!processorTracks.isEmpty()) {
            process(PROCESSORS_PID, "processors", processorTracks);
        }
    }

    private void process(int pid, String name, Map<Long, String> tracks) throws IOException {
        emit(new StringBuilder("{\"ph\":\"M\",\"pid\":").append(pid)
                .append(",\"name\":\"process_name\",\"args\":{\"name\":").append(string(name)).append("}}"));
        emit(new StringBuilder("{\"ph\":\"M\",\"pid\":").append(pid)
                .append(",\"name\":\"process_sort_index\",\"args\":{\"sort_index\":").append(pid).append("}}"));
        for (Map.Entry<Long, String> track : tracks.entrySet()) {
            emit(new StringBuilder("{\"ph\":\"M\",\"pid\":").append(pid).append(",\"tid\":").append(track.getKey())
                    .append(",\"name\":\"thread_name\",\"args\":{\"name\":").append(string(track.getValue()))
                    .append("}}"));
            emit(new StringBuilder("{\"ph\":\"M\",\"pid\":").append(pid).append(",\"tid\":").append(track.getKey())
                    .append(",\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":").append(track.getKey())
                    .append("}}"));
        }
    }

    private String goroutineName(long g) {
        String name = goroutineNames.get(g);
        return name == null || name.isEmpty() ? "G" + g : "G" + g + " " + name;
    }

    private void emit(CharSequence event) throws IOException {
        out.append(firstEvent ? "" : ",\n").append(event);
        firstEvent = false;
    }

    // ---------------------------------------------------------------- numbers and strings

    private long time(Traced t) {
        return axis == TimeAxis.CLOCK ? t.nanos() : t.seq() * 1000;
    }

    /** {@code nanos / 1000.0} in decimal, exactly and without an exponent. */
    static String micros(long nanos) {
        long whole = nanos / 1000;
        long fraction = Math.abs(nanos % 1000);
        String sign = nanos < 0 && whole == 0 ? "-" : "";
        if (fraction == 0) {
            return sign + whole;
        }
        String digits = String.valueOf(1000 + fraction).substring(1).replaceFirst("0+$", "");
        return sign + whole + "." + digits;
    }

    /** {@code s} as a JSON string literal; null as {@code null}. */
    static String string(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (pairedHigh) {
                        b.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
