package loomlab.engine.events;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A growable byte buffer that writes the primitives of {@link TraceFormat}. Not thread-safe: its
 * owner ({@link TraceWriter}) guards it.
 */
final class TraceOutput {
    private byte[] bytes = new byte[8192];
    private int size;

    int size() {
        return size;
    }

    /** Writes the buffered bytes to {@code out} and empties the buffer. */
    void drainTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
        size = 0;
    }

    void writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void writeBytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    void writeInt(int v) {
        writeByte(v >>> 24);
        writeByte(v >>> 16);
        writeByte(v >>> 8);
        writeByte(v);
    }

    /** LEB128 of {@code v} read as unsigned. */
    void writeVarint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    /** Zigzag, so that small negative numbers (-1: none) stay short. */
    void writeZlong(long v) {
        writeVarint((v << 1) ^ (v >> 63));
    }

    void writeString(String s) {
        if (s == null) {
            writeVarint(0);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeVarint(utf8.length + 1L);
        writeBytes(utf8);
    }

    void writeLongList(List<Long> list) {
        if (list == null) {
            writeVarint(0);
            return;
        }
        writeVarint(list.size() + 1L);
        for (long v : list) {
            writeZlong(v);
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
