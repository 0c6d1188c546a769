package loomlab.app.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain text format of LoomLab's own files: one {@code key=value} a line, that a person can
 * read and, with care, edit.
 *
 * <pre>
 * # comment lines and blank lines are ignored
 * loomlab-settings=1      the kind of file and its format version: always the first entry
 * language=zh
 * end                     always the last line: a file cut short is recognised, not half-read
 * </pre>
 *
 * <p>An entry's value has one or more parts separated by single spaces. Each part is escaped,
 * so an entry stays on one line and a space inside a part cannot be taken for a separator:
 * {@code \\}, {@code \n}, {@code \r}, {@code \t} and {@code \s} (a space). Keys are fixed
 * identifiers chosen by the stores. A key may repeat; the stores decide what that means.
 */
final class KeyValueFile {
    private static final String END = "end";

    /** One line of a file: a key and the parts of its value (at least one, possibly empty). */
    record Entry(String key, List<String> parts) {
        Entry {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("an entry has at least one part");
            }
        }

        Entry(String key, String value) {
            this(key, List.of(value));
        }

        /** The value of an entry that has one part. */
        String value() throws Unreadable {
            if (parts.size() != 1) {
                throw new Unreadable(key + " has " + parts.size() + " parts, not one");
            }
            return parts.getFirst();
        }
    }

    /** Why a file is not one of ours, or not one this version can read. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private KeyValueFile() {
    }

    static String format(String kind, int version, String comment, List<Entry> entries) {
        StringBuilder text = new StringBuilder();
        comment.lines().forEach(line -> text.append("# ").append(line).append('\n'));
        text.append(kind).append('=').append(version).append('\n');
        for (Entry entry : entries) {
            text.append(entry.key()).append('=');
            text.append(String.join(" ", entry.parts().stream().map(KeyValueFile::escape).toList())).append('\n');
        }
        return text.append(END).append('\n').toString();
    }

    /** The entries after the kind line, values unescaped; anything else throws. */
    static List<Entry> parse(String text, String kind, int version) throws Unreadable {
        return parse(text, kind, version, version).entries();
    }

    /** What a file of a format with several versions holds: its version and its entries. */
    record Versioned(int version, List<Entry> entries) {
    }

    /**
     * The entries of a file whose version is any from {@code oldest} to {@code newest}, and which
     * version it is, so that the reader can fill in what an older version did not have.
     */
    static Versioned parse(String text, String kind, int oldest, int newest) throws Unreadable {
        List<String> lines = text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        if (lines.isEmpty()) {
            throw new Unreadable("empty");
        }
        int version = versionOf(lines.getFirst(), kind);
        if (version < oldest || version > newest) {
            String expected = kind + "=" + (oldest == newest ? Integer.toString(newest) : oldest + ".." + newest);
            throw new Unreadable("first entry is not " + expected + ": " + abbreviate(lines.getFirst()));
        }
        if (!lines.getLast().equals(END)) {
            throw new Unreadable("cut short: the last line is not \"" + END + "\"");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size() - 1; i++) {
            String line = lines.get(i);
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new Unreadable("not key=value: " + abbreviate(line));
            }
            List<String> parts = new ArrayList<>();
            for (String part : line.substring(equals + 1).split(" ", -1)) {
                parts.add(unescape(part));
            }
            entries.add(new Entry(line.substring(0, equals), parts));
        }
        return new Versioned(version, entries);
    }

    /** The version in the kind line {@code kind=N}, or -1 if the line is not one. */
    private static int versionOf(String line, String kind) {
        if (!line.startsWith(kind + "=")) {
            return -1;
        }
        try {
            return Integer.parseInt(line.substring(kind.length() + 1));
        } catch (NumberFormatException notAVersion) {
            return -1;
        }
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case ' ' -> escaped.append("\\s");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String unescape(String value) throws Unreadable {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                plain.append(c);
                continue;
            }
            if (++i == value.length()) {
                throw new Unreadable("a value ends in a lone backslash: " + abbreviate(value));
            }
            plain.append(switch (value.charAt(i)) {
                case '\\' -> '\\';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 's' -> ' ';
                default -> throw new Unreadable("unknown escape \\" + value.charAt(i) + " in " + abbreviate(value));
            });
        }
        return plain.toString();
    }

    /** A line short enough to quote in a reason. */
    private static String abbreviate(String line) {
        return line.length() <= 40 ? line : line.substring(0, 40) + "...";
    }
}
