package loomlab.engine.events;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a {@link TraceWriter} wrote, from a file or from the child JVM's pipe, one event at a
 * time as it arrives.
 *
 * <p>Every malformed input ends in an {@link IOException} that says where: an
 * {@link EOFException} "trace is truncated after event N" when the input stops early (a cut file,
 * a stopped child), and "not a LoomLab trace file" or "corrupt trace" otherwise. Events read
 * before the failure remain valid. Kinds that this version of LoomLab no longer has are skipped
 * ({@link #skipped()}).
 *
 * <p>Not thread-safe: one thread reads.
 */
public final class TraceReader implements AutoCloseable {
    private final InputStream stream;
    private final TraceInput in;
    private final Map<String, String> metadata;
    /** The kinds of the header, by tag; null where the header declared none. */
    private final StoredKind[] kinds = new StoredKind[TraceFormat.END_TAG];

    private long previousSeq;
    private long previousNanos;
    private long read;
    private long skipped;
    private boolean ended;

    /** Reads the header; blocks until it has arrived. */
    public TraceReader(InputStream stream) throws IOException {
        this.stream = stream;
        this.in = new TraceInput(stream);
        checkMagic();
        int version = readVersion();
        if (version < 1 || version > TraceFormat.VERSION) {
            throw new IOException("trace format version " + version + " is not one this LoomLab reads (1 to "
                    + TraceFormat.VERSION + "); it may come from a newer LoomLab");
        }
        try {
            metadata = readMetadata();
            readKinds();
        } catch (EOFException e) {
            throw new EOFException("trace is truncated in its header, at byte " + in.position());
        } catch (IOException e) {
            throw new IOException("corrupt trace header, at byte " + in.position() + ": " + e.getMessage(), e);
        }
    }

    /** Reads a whole trace file. */
    public static Trace read(Path path) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(path))) {
            return readAll(file);
        }
    }

    /** Reads a whole trace from {@code stream}, to its end marker; bytes after it are an error. */
    public static Trace readAll(InputStream stream) throws IOException {
        TraceReader reader = new TraceReader(stream);
        List<Traced> events = new ArrayList<>();
        for (Traced t = reader.next(); t != null; t = reader.next()) {
            events.add(t);
        }
        if (reader.in.readByteOrEnd() >= 0) {
            throw new IOException("corrupt trace: there are bytes after its end marker, at byte "
                    + (reader.in.position() - 1));
        }
        return new Trace(reader.metadata, events);
    }

    /** What the run was, as the writer gave it. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The number of frames read so far, skipped ones included. */
    public long eventsRead() {
        return read;
    }

    /** The number of events skipped because their kind no longer exists. */
    public long skipped() {
        return skipped;
    }

    /**
     * The next event, blocking until it has arrived, or null after the end marker.
     *
     * @throws EOFException if the stream ends before the end marker
     * @throws IOException  if the input is not what a writer writes
     */
    public Traced next() throws IOException {
        while (!ended) {
            long start = in.position();
            int tag = in.readByteOrEnd();
            if (tag < 0) {
                throw truncated();
            }
            try {
                if (tag == TraceFormat.END_TAG) {
                    checkEnd();
                    return null;
                }
                StoredKind kind = kinds[tag];
                if (kind == null) {
                    throw new IOException("unknown event tag " + tag);
                }
                Traced traced = readFrame(kind);
                read++;
                if (traced != null) {
                    return traced;
                }
                skipped++;
            } catch (EOFException e) {
                throw truncated();
            } catch (IOException e) {
                throw corrupt(e.getMessage(), start);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }

    private Traced readFrame(StoredKind kind) throws IOException {
        long seq = previousSeq + in.readZlong();
        long nanos = previousNanos + in.readZlong();
        long g = in.readZlong();
        int p = in.readZint();
        int m = in.readZint();
        String line = in.readString();
        Event event = kind.read(in);
        previousSeq = seq;
        previousNanos = nanos;
        return event == null ? null : new Traced(seq, nanos, g, p, m, line, event);
    }

    private void checkEnd() throws IOException {
        long count = in.readVarint();
        if (count != read) {
            throw new IOException("the end marker counts " + count + " events, but " + read + " came before it");
        }
        ended = true;
    }

    private void checkMagic() throws IOException {
        byte[] magic = new byte[TraceFormat.MAGIC.length];
        int got = in.readFully(magic);
        if (got == 0) {
            throw new IOException("not a LoomLab trace file: it is empty");
        }
        if (!Arrays.equals(magic, TraceFormat.MAGIC)) {
            throw new IOException("not a LoomLab trace file: it does not start with LOOMTRC");
        }
    }

    private int readVersion() throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new EOFException("trace is truncated in its header, at byte " + in.position());
        }
    }

    private Map<String, String> readMetadata() throws IOException {
        int count = in.readCount(TraceFormat.MAX_HEADER_ENTRIES, "the metadata count");
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            map.put(in.readString(), in.readString());
        }
        return Collections.unmodifiableMap(map);
    }

    private void readKinds() throws IOException {
        int count = in.readCount(TraceFormat.END_TAG, "the kind count");
        for (int i = 0; i < count; i++) {
            int tag = in.readByte();
            String name = in.readString();
            int components = in.readCount(TraceFormat.MAX_HEADER_ENTRIES, "the component count of " + name);
            String[] names = new String[components];
            TraceFormat.Type[] types = new TraceFormat.Type[components];
            for (int c = 0; c < components; c++) {
                names[c] = in.readString();
                int code = in.readByte();
                types[c] = TraceFormat.Type.ofCode(code);
                if (types[c] == null) {
                    throw new IOException(name + "." + names[c]
                            + " has type " + code + ", which this LoomLab does not know");
                }
            }
            if (tag == TraceFormat.END_TAG || kinds[tag] != null) {
                throw new IOException("tag " + tag + " is declared twice or reserved");
            }
            kinds[tag] = new StoredKind(EventCodec.named(name), names, types);
        }
    }

    private EOFException truncated() {
        return new EOFException("trace is truncated after event " + read + ", at byte " + in.position());
    }

    private IOException corrupt(String detail, long frameStart) {
        return new IOException("corrupt trace after event " + read + ", in the frame at byte " + frameStart + ": " + detail);
    }

    /**
     * A kind as the header stored it, matched to today's record by component name.
     *
     * @param codec   today's kind of that name, or null if it no longer exists
     * @param targets for each stored component, its index in today's record, or -1 to skip it
     */
    private record StoredKind(EventCodec codec, String[] names, TraceFormat.Type[] types, int[] targets) {
        StoredKind(EventCodec codec, String[] names, TraceFormat.Type[] types) {
            this(codec, names, types, match(codec, names, types));
        }

        private static int[] match(EventCodec codec, String[] names, TraceFormat.Type[] types) {
            int[] targets = new int[names.length];
            Arrays.fill(targets, -1);
            for (int i = 0; codec != null && i < names.length; i++) {
                for (int j = 0; j < codec.components.size(); j++) {
                    EventCodec.Component now = codec.components.get(j);
                    if (now.name().equals(names[i]) && convertible(types[i], now.type())) {
                        targets[i] = j;
                    }
                }
            }
            return targets;
        }

        /** A stored int may become a long; otherwise types must match. */
        private static boolean convertible(TraceFormat.Type stored, TraceFormat.Type now) {
            return stored == now || stored == TraceFormat.Type.INT && now == TraceFormat.Type.LONG;
        }

        /** Reads the components; the event, or null if its kind no longer exists. */
        Event read(TraceInput in) throws IOException {
            Object[] arguments = codec == null ? null : codec.zeroArguments();
            for (int i = 0; i < types.length; i++) {
                Object value = EventCodec.read(types[i], in);
                if (targets[i] >= 0) {
                    arguments[targets[i]] = value instanceof Integer v && codec.components.get(targets[i]).type()
                            == TraceFormat.Type.LONG ? (Object) v.longValue() : value;
                }
            }
            return codec == null ? null : codec.construct(arguments);
        }
    }
}
