package loomlab.app.editor;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Where in the text a diagnostic's mark goes. javac gives a line and a column; the mark runs from
 * there to the end of the token: a word, a string or char literal (to the line's end, since an
 * unclosed one is a common error), else one character. A column past the last character (javac's
 * "';' expected" points after the previous token) marks the last character before it. Lines and
 * columns beyond the text are clamped to it.
 */
final class DiagnosticRanges {

    private DiagnosticRanges() {
    }

    /** The range {@code [start, end)} of {@code d} in {@code text}; empty only for empty text. */
    static int[] range(String text, Diagnostic d) {
        int lineStart = lineStart(text, d.line());
        int lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        int at = (int) Math.min(lineEnd, lineStart + Math.max(0, d.column() - 1));
        if (at == lineEnd || Character.isWhitespace(text.charAt(at))) {
            // After the line's text, or on blanks: mark the last character before, if the line has one.
            int before = at;
            while (before > lineStart && Character.isWhitespace(text.charAt(before - 1))) {
                before--;
            }
            return before > lineStart
                    ? new int[] {before - 1, before}
                    : new int[] {at, Math.min(at + 1, text.length())};
        }
        char c = text.charAt(at);
        int end = at + 1;
        if (Character.isJavaIdentifierPart(c)) {
            while (end < lineEnd && Character.isJavaIdentifierPart(text.charAt(end))) {
                end++;
            }
        } else if (c == '"' || c == '\'') {
            end = lineEnd;
        }
        return new int[] {at, end};
    }

    /** Style spans the length of {@code text}: {@code diagnostic-error} or {@code -warning} on each range. */
    static StyleSpans<Collection<String>> spans(String text, List<Diagnostic> diagnostics) {
        byte[] marks = new byte[text.length()];  // 0 none, 1 warning, 2 error: an error wins
        for (Diagnostic d : diagnostics) {
            int[] range = range(text, d);
            for (int i = range[0]; i < range[1]; i++) {
                marks[i] = (byte) Math.max(marks[i], d.error() ? 2 : 1);
            }
        }
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int from = 0;
        for (int i = 1; i <= marks.length; i++) {
            if (i == marks.length || marks[i] != marks[from]) {
                builder.add(style(marks[from]), i - from);
                from = i;
            }
        }
        builder.add(List.of(), 0);  // a builder needs one span, even for empty text
        return builder.create();
    }

    /** The diagnostic whose mark covers {@code index}, errors first. */
    static Optional<Diagnostic> at(String text, List<Diagnostic> diagnostics, int index) {
        return diagnostics.stream()
                .sorted((a, b) -> Boolean.compare(b.error(), a.error()))
                .filter(d -> {
                    int[] range = range(text, d);
                    return range[0] <= index && index < range[1];
                })
                .findFirst();
    }

    /** The offset where 1-based {@code line} starts; the last line's start if the text is shorter. */
    private static int lineStart(String text, long line) {
        int start = 0;
        for (long l = 1; l < line; l++) {
            int newline = text.indexOf('\n', start);
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        return start;
    }

    private static Collection<String> style(byte mark) {
        return switch (mark) {
            case 2 -> List.of(CodeEditor.ERROR);
            case 1 -> List.of(CodeEditor.WARNING);
            default -> List.of();
        };
    }
}
