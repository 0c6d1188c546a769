package loomlab.engine.events;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads the primitives of {@link TraceFormat} from a stream, counting the bytes it consumed so
 * that errors can say where they happened. An end of stream inside a primitive is an
 * {@link EOFException}; a value no writer produces (an overlong varint, a length beyond the
 * limits) is an {@link IOException}. {@link TraceReader} adds which event it was reading.
 * Reads block only as long as the underlying stream does.
 */
final class TraceInput {
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int next;
    private int limit;
    /** Bytes consumed before {@code buffer[0]}. */
    private long base;

    TraceInput(InputStream in) {
        this.in = in;
    }

    /** The offset of the next byte to read, from the start of the stream. */
    long position() {
        return base + next;
    }

    /** The next byte (0–255), or -1 at the end of the stream. */
    int readByteOrEnd() throws IOException {
        if (next == limit && !fill()) {
            return -1;
        }
        return buffer[next++] & 0xFF;
    }

    int readByte() throws IOException {
        int b = readByteOrEnd();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    /** Fills {@code into} completely, or returns how many bytes it got before the end of the stream. */
    int readFully(byte[] into) throws IOException {
        int done = 0;
        while (done < into.length) {
            if (next == limit && !fill()) {
                return done;
            }
            int n = Math.min(into.length - done, limit - next);
            System.arraycopy(buffer, next, into, done, n);
            next += n;
            done += n;
        }
        return done;
    }

    int readInt() throws IOException {
        return readByte() << 24 | readByte() << 16 | readByte() << 8 | readByte();
    }

    long readVarint() throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("a number is longer than 10 bytes");
    }

    /** A varint that must lie in {@code [0, max]}, e.g. a count or a length. */
    int readCount(int max, String what) throws IOException {
        long v = readVarint();
        if (v < 0 || v > max) {
            throw new IOException(what + " " + Long.toUnsignedString(v) + " is beyond the limit of " + max);
        }
        return (int) v;
    }

    long readZlong() throws IOException {
        long v = readVarint();
        return (v >>> 1) ^ -(v & 1);
    }

    int readZint() throws IOException {
        long v = readZlong();
        if (v != (int) v) {
            throw new IOException("an int component holds " + v);
        }
        return (int) v;
    }

    boolean readBoolean() throws IOException {
        int b = readByte();
        if (b > 1) {
            throw new IOException("a boolean component holds " + b);
        }
        return b == 1;
    }

    String readString() throws IOException {
        int lengthPlusOne = readCount(TraceFormat.MAX_STRING_BYTES + 1, "a string length");
        if (lengthPlusOne == 0) {
            return null;
        }
        byte[] utf8 = new byte[lengthPlusOne - 1];
        if (readFully(utf8) < utf8.length) {
            throw new EOFException();
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }

    List<Long> readLongList() throws IOException {
        int sizePlusOne = readCount(TraceFormat.MAX_LIST_SIZE + 1, "a list size");
        if (sizePlusOne == 0) {
            return null;
        }
        List<Long> list = new ArrayList<>(Math.min(sizePlusOne - 1, 1024));
        for (int i = 0; i < sizePlusOne - 1; i++) {
            list.add(readZlong());
        }
        return Collections.unmodifiableList(list);
    }

    private boolean fill() throws IOException {
        base += limit;
        next = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        limit = n;
        return true;
    }
}
