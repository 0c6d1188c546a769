package loomlab.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TraceReaderErrorsTest {
    private static final List<Traced> EVENTS = SampleEvents.stamped(SampleEvents.oneOfEachKind());
    private static final byte[] TRACE = write(EVENTS);

    @Test
    void anEmptyInputIsNotALoomLabTrace() {
        IOException e = assertThrows(IOException.class, () -> read(new byte[0]));
        assertEquals("not a LoomLab trace file: it is empty", e.getMessage());
    }

    @Test
    void anotherFileIsNotALoomLabTrace() {
        byte[] json = "{\"traceEvents\":[]}".getBytes(StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> read(json));
        assertTrue(e.getMessage().startsWith("not a LoomLab trace file"), e.getMessage());
    }

    @Test
    void aTraceFromANewerFormatIsRefusedByVersion() {
        byte[] newer = TRACE.clone();
        newer[TraceFormat.MAGIC.length + 3] = 9;
        IOException e = assertThrows(IOException.class, () -> read(newer));
        assertTrue(e.getMessage().startsWith("trace format version 9 is not one this LoomLab reads"), e.getMessage());
    }

    @Test
    void aTraceCutInsideAnEventSaysAfterWhichEvent() {
        // given: the trace cut inside event 3
        int thirdEventEnd = lengthOf(EVENTS.subList(0, 3));
        byte[] cut = Arrays.copyOf(TRACE, thirdEventEnd - 1);
        // when
        EOFException e = assertThrows(EOFException.class, () -> read(cut));
        // then
        assertTrue(e.getMessage().startsWith("trace is truncated after event 2, at byte " + cut.length), e.getMessage());
    }

    @Test
    void aTraceCutBetweenEventsIsTruncatedBecauseItHasNoEndMarker() {
        byte[] cut = Arrays.copyOf(TRACE, lengthOf(EVENTS.subList(0, 3)));
        EOFException e = assertThrows(EOFException.class, () -> read(cut));
        assertEquals("trace is truncated after event 3, at byte " + cut.length, e.getMessage());
    }

    @Test
    void aTraceCutAtAnyByteFailsWithAnIOExceptionAndNeverHangs() {
        for (int length = 0; length < TRACE.length; length++) {
            byte[] cut = Arrays.copyOf(TRACE, length);
            try {
                read(cut);
                fail("a trace cut to " + length + " of " + TRACE.length + " bytes was read as complete");
            } catch (IOException e) {
                assertTrue(e.getMessage().contains("truncated") || e.getMessage().startsWith("not a LoomLab"),
                        length + ": " + e.getMessage());
            }
        }
    }

    @Test
    void eventsBeforeTheCutCanStillBeRead() throws IOException {
        byte[] cut = Arrays.copyOf(TRACE, lengthOf(EVENTS.subList(0, 5)) + 2);
        TraceReader reader = new TraceReader(new ByteArrayInputStream(cut));
        for (int i = 0; i < 5; i++) {
            assertEquals(EVENTS.get(i), reader.next());
        }
        assertThrows(EOFException.class, reader::next);
    }

    @Test
    void anUnknownTagIsCorruption() {
        byte[] corrupt = TRACE.clone();
        int firstFrame = lengthOf(List.of());
        corrupt[firstFrame] = (byte) 0xF0;
        IOException e = assertThrows(IOException.class, () -> read(corrupt));
        assertEquals("corrupt trace after event 0, in the frame at byte " + firstFrame + ": unknown event tag 240",
                e.getMessage());
    }

    @Test
    void anEndMarkerWithTheWrongCountIsCorruption() {
        byte[] corrupt = TRACE.clone();
        corrupt[corrupt.length - 1]++;
        IOException e = assertThrows(IOException.class, () -> read(corrupt));
        assertTrue(e.getMessage().contains("the end marker counts " + (EVENTS.size() + 1) + " events"), e.getMessage());
    }

    @Test
    void bytesAfterTheEndMarkerAreCorruption() {
        byte[] longer = Arrays.copyOf(TRACE, TRACE.length + 1);
        IOException e = assertThrows(IOException.class, () -> read(longer));
        assertEquals("corrupt trace: there are bytes after its end marker, at byte " + TRACE.length, e.getMessage());
    }

    @Test
    void aHugeStringLengthIsCorruptionNotAnOutOfMemoryError() throws IOException {
        // given: a frame whose line claims 2^40 bytes
        TraceOutput out = new TraceOutput();
        out.writeByte(EventCodec.of(new Event.GoStart(1)).tag);
        out.writeZlong(1);
        out.writeZlong(0);
        out.writeZlong(1);
        out.writeZlong(0);
        out.writeZlong(0);
        out.writeVarint(1L << 40);
        byte[] bad = concat(Arrays.copyOf(TRACE, lengthOf(List.of())), out);
        // when
        IOException e = assertThrows(IOException.class, () -> read(bad));
        // then
        assertTrue(e.getMessage().startsWith("corrupt trace after event 0"), e.getMessage());
        assertTrue(e.getMessage().contains("string length"), e.getMessage());
    }

    @Test
    void randomDamageEndsInAnIOExceptionOrAReadTraceButNeverInAnUncheckedException() {
        Random random = new Random(7);
        for (int trial = 0; trial < 2_000; trial++) {
            byte[] damaged = TRACE.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
            }
            try {
                read(damaged);
            } catch (IOException expected) {
                // the clear failure this test wants
            } catch (RuntimeException e) {
                fail("trial " + trial + " threw " + e, e);
            }
        }
    }

    @Test
    void aTruncationIsAnEofExceptionSoThatTheAppCanTellAStoppedChildFromCorruption() {
        byte[] cut = Arrays.copyOf(TRACE, TRACE.length - 1);
        assertInstanceOf(EOFException.class, assertThrows(IOException.class, () -> read(cut)));
    }

    private static Trace read(byte[] bytes) throws IOException {
        return TraceReader.readAll(new ByteArrayInputStream(bytes));
    }

    private static byte[] write(List<Traced> events) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TraceWriter writer = new TraceWriter(bytes, Map.of(Trace.PROGRAM, "Sample"))) {
                events.forEach(writer::on);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The bytes of the header and {@code events}, without the end marker. */
    private static int lengthOf(List<Traced> events) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            TraceWriter writer = new TraceWriter(bytes, Map.of(Trace.PROGRAM, "Sample"));
            events.forEach(writer::on);
            writer.flush();
            return bytes.size();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] concat(byte[] head, TraceOutput tail) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(head);
        tail.drainTo(bytes);
        return bytes.toByteArray();
    }
}
