package loomlab.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import loomlab.engine.events.Event.*;
import org.junit.jupiter.api.Test;

class PerfettoExportTest {
    /** main makes a worker, waits for its value, prints it, and ends; a timer fires on the way. */
    private static final Trace PING = trace(
            at(0, 0, -1, new GoCreate(1, 0, "main")),
            at(1_000, 0, 0, new GoStart(1)),
            at(2_000, 1, 0, new GoCreate(2, 1, "worker")),
            at(3_000, 1, 0, new ChanMake(1, 0)),
            at(4_000, 1, 0, new GoBlock(1, "chan receive", 1)),
            at(5_000, 0, 0, new GoStart(2)),
            at(6_000, 2, 0, new ChanSend(1, 2, "42", -1, 1)),
            at(6_500, 2, 0, new GoUnblock(1, 2)),
            at(7_000, 2, 0, new GoEnd(2)),
            at(8_000, 0, 1, new GoStart(1)),
            at(8_500, 1, 1, new ChanRecv(1, 1, "42", true, -1, 2)),
            at(9_000, 1, 1, new Output(1, "got \"42\"\tok")),
            at(9_500, 0, -1, new TimerFire(3)),
            at(10_000, 1, 1, new GoEnd(1)),
            at(10_000, 0, -1, new Exit(0, "")));

    @Test
    void theExportIsValidJsonWithTheRunsMetadata() {
        Map<String, Object> json = parse(PING);

        assertEquals(Map.of(Trace.PROGRAM, "Ping", Trace.CLOCK, "real"), json.get("otherData"));
        assertTrue(json.get("traceEvents") instanceof List<?>);
    }

    @Test
    void everyGoroutineAndEveryPHasANamedTrack() {
        List<Map<String, Object>> events = events(parse(PING));

        Map<String, String> tracks = events.stream()
                .filter(e -> "thread_name".equals(e.get("name")))
                .collect(Collectors.toMap(e -> num(e.get("pid")) + "/" + num(e.get("tid")), e -> argument(e, "name")));
        Map<String, String> processes = events.stream()
                .filter(e -> "process_name".equals(e.get("name")))
                .collect(Collectors.toMap(e -> String.valueOf(num(e.get("pid"))), e -> argument(e, "name")));

        assertEquals(Map.of("1/0", "runtime", "1/1", "G1 main", "1/2", "G2 worker", "2/0", "P0", "2/1", "P1"), tracks);
        assertEquals(Map.of("1", "goroutines", "2", "processors"), processes);
    }

    @Test
    void aGoroutinesTrackShowsWhenItWasRunnableRunningAndBlocked() {
        List<String> g1 = slices(parse(PING), 1, 1);
        List<String> g2 = slices(parse(PING), 1, 2);

        assertEquals(List.of("runnable 0.0+1.0", "running 1.0+3.0", "chan receive 4.0+2.5", "runnable 6.5+1.5",
                "running 8.0+2.0"), g1);
        assertEquals(List.of("runnable 2.0+3.0", "running 5.0+2.0"), g2);
    }

    @Test
    void aProcessorsTrackShowsWhichGoroutineItRan() {
        assertEquals(List.of("G1 main 1.0+3.0", "G2 worker 5.0+2.0"), slices(parse(PING), 2, 0));
        assertEquals(List.of("G1 main 8.0+2.0"), slices(parse(PING), 2, 1));
    }

    @Test
    void channelOperationsOutputAndTimersAreInstantsOnTheTrackOfWhoCausedThem() {
        List<String> instants = events(parse(PING)).stream()
                .filter(e -> "i".equals(e.get("ph")))
                .map(e -> e.get("s") + " " + num(e.get("tid")) + " " + e.get("name") + " @" + e.get("ts"))
                .toList();

        assertEquals(List.of("t 2 send 42 on ch1 @6.0", "t 1 recv 42 from ch1 @8.5", "t 1 print @9.0",
                "t 0 timer3 fired @9.5", "g 0 exit 0 @10.0"), instants);
    }

    @Test
    void printedTextSurvivesEscapingIntoTheArguments() {
        Map<String, Object> print = events(parse(PING)).stream()
                .filter(e -> "print".equals(e.get("name"))).findFirst().orElseThrow();

        assertEquals("got \"42\"\tok", argument(print, "text"));
    }

    @Test
    void theSequenceAxisSpacesEventsOneMicrosecondApart() {
        Map<String, Object> json = asMap(StrictJson.parse(PerfettoExport.toJson(PING, PerfettoExport.TimeAxis.SEQUENCE)));

        assertEquals(List.of("runnable 1.0+1.0", "running 2.0+3.0", "chan receive 5.0+3.0", "runnable 8.0+2.0",
                "running 10.0+4.0"), slices(json, 1, 1));
    }

    @Test
    void slicesStillOpenAtTheEndCloseAtTheLastEvent() {
        Trace cut = new Trace(PING.metadata(), PING.events().subList(0, 5));

        assertEquals(List.of("runnable 0.0+1.0", "running 1.0+3.0", "chan receive 4.0+0.0"), slices(parse(cut), 1, 1));
    }

    @Test
    void aGoroutineThatStopsAfterAnotherTookItsPDoesNotEndTheOthersSlice() {
        Trace lost = trace(
                at(1_000, 0, 0, new GoStart(1)),
                at(2_000, 0, 0, new GoStart(2)),
                at(3_000, 1, 0, new GoBlock(1, "sleep", 0)),
                at(4_000, 2, 0, new GoEnd(2)));

        assertEquals(List.of("G1 1.0+1.0", "G2 2.0+2.0"), slices(parse(lost), 2, 0));
    }

    @Test
    void timestampsAreExactMicrosecondsWithoutExponent() {
        assertEquals("1234.567", PerfettoExport.micros(1_234_567));
        assertEquals("1.5", PerfettoExport.micros(1_500));
        assertEquals("0.001", PerfettoExport.micros(1));
        assertEquals("20000000", PerfettoExport.micros(20_000_000_000L));
        assertEquals("-1.5", PerfettoExport.micros(-1_500));
        assertEquals("-0.5", PerfettoExport.micros(-500));
    }

    @Test
    void stringsAreEscapedIncludingControlCharactersAndLoneSurrogates() {
        String nasty = "a\"b\\c\n\u0001🙂" + "\ud83d";

        String literal = PerfettoExport.string(nasty);

        assertEquals("\"a\\\"b\\\\c\\n\\u0001🙂\\ud83d\"", literal);
        assertEquals(nasty, StrictJson.parse(literal));
    }

    @Test
    void everyKindOfEventExportsAsValidJson() {
        Trace all = new Trace(Map.of(), SampleEvents.stamped(SampleEvents.oneOfEachKind()));

        assertTrue(parse(all).get("traceEvents") instanceof List<?>);
    }

    // ---------------------------------------------------------------- helpers

    private static Trace trace(Traced... events) {
        List<Traced> stamped = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            Traced t = events[i];
            stamped.add(new Traced(i + 1, t.nanos(), t.g(), t.p(), t.m(), null, t.event()));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(Trace.PROGRAM, "Ping");
        metadata.put(Trace.CLOCK, "real");
        return new Trace(metadata, stamped);
    }

    private static Traced at(long nanos, long g, int p, Event e) {
        return new Traced(0, nanos, g, p, p, null, e);
    }

    private static Map<String, Object> parse(Trace trace) {
        return asMap(StrictJson.parse(PerfettoExport.toJson(trace)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Map<String, Object> json) {
        return (List<Map<String, Object>>) json.get("traceEvents");
    }

    /** The complete slices of one track, by start time, as "name start+duration" in microseconds. */
    private static List<String> slices(Map<String, Object> json, int pid, int tid) {
        return events(json).stream()
                .filter(e -> "X".equals(e.get("ph")) && num(e.get("pid")) == pid && num(e.get("tid")) == tid)
                .sorted((a, b) -> Double.compare((Double) a.get("ts"), (Double) b.get("ts")))
                .map(e -> e.get("name") + " " + e.get("ts") + "+" + e.get("dur"))
                .toList();
    }

    private static String argument(Map<String, Object> event, String name) {
        return (String) asMap(event.get("args")).get(name);
    }

    private static long num(Object n) {
        return ((Double) n).longValue();
    }
}
