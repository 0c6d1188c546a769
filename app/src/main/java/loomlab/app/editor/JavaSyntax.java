package loomlab.app.editor;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Java syntax highlighting as style classes: a pure function of the text, safe on any thread.
 *
 * <p>A single left-to-right scan, not one big regular expression, because the hard cases nest:
 * a quote inside a comment, a comment marker inside a string, {@code """} text blocks that span
 * lines and contain {@code \"""}. At each position the scan decides what begins there, in this
 * order: comment, text block, string, char, annotation, number, word. Unterminated strings and
 * chars end at the line's end (as javac reports them); an unterminated comment or text block runs
 * to the end of the text, which is what the learner sees while typing one.
 *
 * <p>Style classes: {@value #KEYWORD}, {@value #STRING} (strings and text blocks), {@value #CHAR},
 * {@value #COMMENT}, {@value #NUMBER}, {@value #ANNOTATION}, and {@value #GO} for the engine's Go
 * vocabulary ({@code go}, {@code Chan}, {@code select}...), which a lesson wants to stand out.
 */
public final class JavaSyntax {
    public static final String KEYWORD = "keyword";
    public static final String STRING = "string";
    public static final String CHAR = "char";
    public static final String COMMENT = "comment";
    public static final String NUMBER = "number";
    public static final String ANNOTATION = "annotation";
    public static final String GO = "go";

    /** Reserved words, contextual keywords a learner meets (var, record, yield...), and literals. */
    static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "var", "record", "yield", "sealed", "permits", "when",
            "true", "false", "null");

    /** The engine's Go vocabulary: its types and the operations that mirror Go's keywords and builtins. */
    static final Set<String> GO_WORDS = Set.of(
            "Go", "go", "Chan", "SendChan", "RecvChan", "Received", "make", "send", "recv", "recvOk", "close",
            "Select", "select", "orElse", "panic", "Panic", "Context", "WaitGroup", "Mutex", "RWMutex", "Once",
            "ErrGroup", "Time", "Timer", "Ticker", "GoDuration");

    private static final Pattern NUMBER_LITERAL = Pattern.compile(
            "0[xX][0-9a-fA-F_]*(\\.[0-9a-fA-F_]*)?([pP][+-]?[0-9_]+)?[lLfFdD]?"
                    + "|0[bB][01_]+[lL]?"
                    + "|([0-9][0-9_]*(\\.[0-9_]*)?|\\.[0-9][0-9_]*)([eE][+-]?[0-9_]+)?[lLfFdD]?");

    private JavaSyntax() {
    }

    /** The style spans of {@code text}: one span per token of interest, empty style in between. */
    public static StyleSpans<Collection<String>> highlight(String text) {
        Spans spans = new Spans();
        Matcher number = NUMBER_LITERAL.matcher(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int end;
            String style;
            if (text.startsWith("//", i)) {
                end = lineEnd(text, i);
                style = COMMENT;
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
                style = COMMENT;
            } else if (text.startsWith("\"\"\"", i)) {
                end = textBlockEnd(text, i + 3);
                style = STRING;
            } else if (c == '"' || c == '\'') {
                end = quotedEnd(text, i + 1, c);
                style = c == '"' ? STRING : CHAR;
            } else if (c == '@' && i + 1 < n && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
                end = identifierEnd(text, i + 1);
                style = ANNOTATION;
            } else if (startsNumber(text, i) && number.region(i, n).lookingAt()) {
                end = Math.max(number.end(), i + 1);
                style = NUMBER;
            } else if (Character.isJavaIdentifierStart(c)) {
                end = identifierEnd(text, i);
                String word = text.substring(i, end);
                style = KEYWORDS.contains(word) ? KEYWORD : GO_WORDS.contains(word) ? GO : null;
            } else {
                end = i + 1;
                style = null;
            }
            spans.add(i, end, style);
            i = end;
        }
        return spans.build(n);
    }

    /** A digit, or a dot followed by a digit, not inside an identifier (which the caller rules out). */
    private static boolean startsNumber(String text, int i) {
        char c = text.charAt(i);
        return Character.isDigit(c) || c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    /** After the opening {@code """}: the index after the closing one, skipping escapes. */
    private static int textBlockEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.startsWith("\"\"\"", i)) {
                return i + 3;
            }
        }
        return text.length();
    }

    /** After an opening quote: the index after the closing one, or the line's end if there is none. */
    private static int quotedEnd(String text, int from, char quote) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i;
            } else if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static int identifierEnd(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Builds spans from styled ranges, filling the gaps with the empty style and merging neighbours. */
    private static final class Spans {
        private final StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        private int written;

        void add(int from, int to, String style) {
            if (style == null) {
                return;  // plain text: covered by the gap before the next styled range
            }
            flushPlain(from);
            builder.add(List.of(style), to - from);
            written = to;
        }

        StyleSpans<Collection<String>> build(int length) {
            flushPlain(length);
            builder.add(List.of(), 0);  // a builder needs one span, even for empty text
            return builder.create();
        }

        private void flushPlain(int upTo) {
            if (upTo > written) {
                builder.add(List.of(), upTo - written);
                written = upTo;
            }
        }
    }
}
