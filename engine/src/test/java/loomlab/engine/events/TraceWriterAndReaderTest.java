package loomlab.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceWriterAndReaderTest {
    private static final Map<String, String> METADATA = metadata();

    @Test
    void everyKindOfEventSurvivesARoundTripThroughAFile(@TempDir Path dir) throws IOException {
        // given
        List<Traced> events = SampleEvents.stamped(SampleEvents.oneOfEachKind());
        Path file = dir.resolve("run.loomtrace");
        // when
        TraceWriter.write(new Trace(METADATA, events), file);
        Trace read = TraceReader.read(file);
        // then
        assertEquals(events, read.events());
        assertEquals(METADATA, read.metadata());
        assertEquals(List.copyOf(METADATA.keySet()), List.copyOf(read.metadata().keySet()), "metadata keeps its order");
    }

    @Test
    void theSampleCoversEveryPermittedKind() {
        Set<Class<?>> sampled = new HashSet<>();
        SampleEvents.oneOfEachKind().forEach(e -> sampled.add(e.getClass()));
        assertEquals(Set.of(Event.class.getPermittedSubclasses()), sampled);
    }

    @Test
    void anEventIsSmallOnTheWire() throws IOException {
        // given: a typical send, in sequence after another event
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TraceWriter writer = new TraceWriter(bytes, Map.of());
        writer.on(new Traced(41, 1_000, 3, 0, 0, null, new Event.GoStart(3)));
        writer.flush();
        int before = bytes.size();
        // when
        writer.on(new Traced(42, 1_000, 3, 0, 0, null, new Event.ChanSend(2, 3, "7", 0, 0)));
        writer.flush();
        // then: a byte each for the tag, the 5 envelope numbers, the missing line and 4 components; 2 for "7"
        assertEquals(13, bytes.size() - before);
    }

    @Test
    void anEmptyRunRoundTripsWithItsMetadata() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TraceWriter(bytes, METADATA).close();

        Trace read = TraceReader.readAll(new ByteArrayInputStream(bytes.toByteArray()));

        assertEquals(new Trace(METADATA, List.of()), read);
    }

    @Test
    void eventsFromSeveralThreadsAreEachWrittenWhole() throws Exception {
        // given
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TraceWriter writer = new TraceWriter(bytes, METADATA);
        int threads = 8;
        int perThread = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        // when
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long g = t + 1;
                done.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        writer.on(new Traced(g * 1_000_000 + i, i, g, -1, -1, null, new Event.Output(g, "line " + i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
        writer.close();
        // then
        List<Traced> read = TraceReader.readAll(new ByteArrayInputStream(bytes.toByteArray())).events();
        assertEquals(threads * perThread, read.size());
        for (Traced t : read) {
            Event.Output out = assertInstanceOf(Event.Output.class, t.event());
            assertEquals(t.g(), out.g());
            assertEquals("line " + t.nanos(), out.text());
            assertEquals(t.g() * 1_000_000 + t.nanos(), t.seq());
        }
    }

    @Test
    void aReaderOnAPipeSeesEachBatchAsSoonAsItIsFlushed() throws Exception {
        // given: a writer on one end of a pipe, like the child JVM's stdout
        PipedInputStream appSide = new PipedInputStream(1 << 16);
        PipedOutputStream childSide = new PipedOutputStream(appSide);
        TraceWriter writer = new TraceWriter(childSide, METADATA);
        TraceReader reader = new TraceReader(appSide);
        assertEquals(METADATA, reader.metadata());
        List<Traced> events = SampleEvents.stamped(SampleEvents.oneOfEachKind());
        // when: the first batch is flushed, and the run is not over
        events.subList(0, 3).forEach(writer::on);
        writer.flush();
        // then: those events can be read before the writer closes
        for (int i = 0; i < 3; i++) {
            assertEquals(events.get(i), reader.next());
        }
        // and when the rest follows and the writer closes
        events.subList(3, events.size()).forEach(writer::on);
        writer.close();
        for (int i = 3; i < events.size(); i++) {
            assertEquals(events.get(i), reader.next());
        }
        assertNull(reader.next(), "the end marker ends the stream");
        assertNull(reader.next(), "and stays ended");
    }

    @Test
    void eventsAfterCloseAreIgnored() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TraceWriter writer = new TraceWriter(bytes, Map.of());
        writer.close();
        writer.on(new Traced(1, 0, 1, 0, 0, null, new Event.GoStart(1)));
        writer.close();

        assertEquals(0, TraceReader.readAll(new ByteArrayInputStream(bytes.toByteArray())).events().size());
    }

    @Test
    void aFailingStreamDoesNotBreakTheRunButIsReportedOnClose() throws IOException {
        // given: a stream that fails once the header is through, like a pipe whose reader died
        BreakableStream failing = new BreakableStream();
        TraceWriter writer = new TraceWriter(failing, Map.of());
        failing.broken = true;
        // when
        writer.on(new Traced(1, 0, 1, 0, 0, null, new Event.GoStart(1)));
        // then
        IOException e = assertThrows(IOException.class, writer::close);
        assertTrue(e.getMessage().startsWith("writing the trace failed after 1 events"), e.getMessage());
    }

    @Test
    void aFileWrittenByAnOlderVersionIsReadByComponentName() throws IOException {
        // given: a header whose GoBlock had no object and an extra int "extra", and a kind that no longer exists
        TraceOutput out = new TraceOutput();
        out.writeBytes(TraceFormat.MAGIC);
        out.writeInt(1);
        out.writeVarint(0);
        out.writeVarint(2);
        out.writeByte(0);
        out.writeString("GoBlock");
        out.writeVarint(3);
        out.writeString("extra");
        out.writeByte(TraceFormat.Type.INT.code);
        out.writeString("reason");
        out.writeByte(TraceFormat.Type.STRING.code);
        out.writeString("g");
        out.writeByte(TraceFormat.Type.INT.code);
        out.writeByte(1);
        out.writeString("Vanished");
        out.writeVarint(1);
        out.writeString("text");
        out.writeByte(TraceFormat.Type.STRING.code);
        // a Vanished event, then a GoBlock
        out.writeByte(1);
        envelope(out, 1);
        out.writeString("gone");
        out.writeByte(0);
        envelope(out, 1);
        out.writeZlong(99);
        out.writeString("chan receive");
        out.writeZlong(5);
        out.writeByte(TraceFormat.END_TAG);
        out.writeVarint(2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        out.drainTo(bytes);
        // when
        TraceReader reader = new TraceReader(new ByteArrayInputStream(bytes.toByteArray()));
        Traced only = reader.next();
        // then
        assertEquals(new Event.GoBlock(5, "chan receive", 0), only.event());
        assertEquals(2, only.seq());
        assertNull(reader.next());
        assertEquals(1, reader.skipped());
    }

    /** seq + 1, nanos + 0, g 0, p -1, m -1, no line. */
    private static void envelope(TraceOutput out, int seqDelta) {
        out.writeZlong(seqDelta);
        out.writeZlong(0);
        out.writeZlong(0);
        out.writeZlong(-1);
        out.writeZlong(-1);
        out.writeString(null);
    }

    private static Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Trace.PROGRAM, "PingPong");
        m.put(Trace.MODE, "deterministic");
        m.put(Trace.SEED, "42");
        m.put(Trace.PROCS, "4");
        m.put(Trace.CLOCK, "virtual");
        return m;
    }

    /** A stream that throws once {@link #broken} is set. */
    private static final class BreakableStream extends OutputStream {
        boolean broken;

        @Override
        public void write(int b) throws IOException {
            if (broken) {
                throw new IOException("pipe closed");
            }
        }
    }
}
