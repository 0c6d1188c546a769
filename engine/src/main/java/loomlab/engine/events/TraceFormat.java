package loomlab.engine.events;

import java.nio.charset.StandardCharsets;

/**
 * The layout of a trace: a file of a run, or the stream a child JVM writes on its standard output.
 * {@link TraceWriter} writes it, {@link TraceReader} reads it.
 *
 * <h2>Layout</h2>
 * <pre>
 * header  = "LOOMTRC" (7 ASCII bytes), version (4-byte big-endian int),
 *           metadata count (varint), count × (key string, value string),
 *           kind count (varint), count × kind
 * kind    = tag (byte), simple name (string), component count (varint),
 *           count × (component name (string), type (byte))
 * frame   = tag (byte), seq − previous seq (zlong), nanos − previous nanos (zlong),
 *           g (zlong), p (zlong), m (zlong), line (string), the components in declaration order
 * end     = END_TAG (byte), number of frames written (varint)
 * trace   = header, frame*, end
 * </pre>
 * A varint is LEB128 (7 bits a byte, low bits first); a zlong is a varint of the zigzag-encoded
 * value, so that -1 takes one byte. A string is a varint of its UTF-8 length + 1 (0: null) and the
 * bytes; a list of longs is a varint of its size + 1 (0: null) and the zlongs.
 *
 * <h2>Why the kind table</h2>
 * Tags are the positions of {@link Event}'s kinds sorted by simple name, so they move when a kind
 * is added. The header says which name and which components each tag had when the file was
 * written; the reader matches them to today's records by name, so an old trace stays readable:
 * a component that no longer exists is skipped, a new one gets its zero value, and a kind that no
 * longer exists is skipped whole.
 *
 * <h2>Why an end marker</h2>
 * A file cut at a frame boundary would otherwise look complete. A child JVM that is stopped never
 * writes one, and its reader says so with an {@link java.io.EOFException}.
 */
final class TraceFormat {
    /** The first bytes of every trace. */
    static final byte[] MAGIC = "LOOMTRC".getBytes(StandardCharsets.US_ASCII);
    /** The version this code writes, and the newest it reads. */
    static final int VERSION = 1;
    /** The tag of the end marker; event tags are below it. */
    static final int END_TAG = 0xFF;
    /** The longest string a reader accepts (16 MiB), so that a corrupt length cannot exhaust memory. */
    static final int MAX_STRING_BYTES = 1 << 24;
    /** The longest list of longs a reader accepts. */
    static final int MAX_LIST_SIZE = 1 << 20;
    /** The most metadata entries, kinds, or components of a kind a header may declare. */
    static final int MAX_HEADER_ENTRIES = 1 << 12;

    /** How a record component is stored; the code is what the header carries. */
    enum Type {
        LONG(1), INT(2), BOOLEAN(3), STRING(4), LONG_LIST(5);

        final int code;

        Type(int code) {
            this.code = code;
        }

        /** The type with this code, or null if this version does not know it. */
        static Type ofCode(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }

        /** What a component of this type holds when the trace did not store it. */
        Object zero() {
            return switch (this) {
                case LONG -> 0L;
                case INT -> 0;
                case BOOLEAN -> false;
                case STRING -> null;
                case LONG_LIST -> java.util.List.of();
            };
        }
    }

    private TraceFormat() {
    }
}
