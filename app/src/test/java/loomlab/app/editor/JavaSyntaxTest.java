package loomlab.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/** The highlighting function, without a screen: which pieces of text get which style. */
class JavaSyntaxTest {

    /** Each styled piece as "style:text", in order; unstyled text left out. */
    private static List<String> tokens(String text) {
        StyleSpans<Collection<String>> spans = JavaSyntax.highlight(text);
        assertEquals(text.length(), spans.length(), "the spans cover the text exactly");
        List<String> tokens = new ArrayList<>();
        int at = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (!span.getStyle().isEmpty()) {
                tokens.add(String.join(",", span.getStyle()) + ":" + text.substring(at, at + span.getLength()));
            }
            at += span.getLength();
        }
        return tokens;
    }

    @Test
    void keywordsStringsNumbersAndTheGoVocabularyAreStyledApart() {
        assertEquals(List.of("keyword:int", "number:42", "go:go", "string:\"worker\"", "go:Chan", "go:make"),
                tokens("int n = 42; go(\"worker\", () -> {}); Chan.make();"));
    }

    @Test
    void aTextBlockIsOneStringAcrossLinesEscapedQuotesIncluded() {
        String text = "String s = \"\"\"\n    say \\\"\"\" \"hi\" // not a comment\n    \"\"\"; int x;";

        assertEquals(List.of(
                        "string:\"\"\"\n    say \\\"\"\" \"hi\" // not a comment\n    \"\"\"",
                        "keyword:int"),
                tokens(text));
    }

    @Test
    void quotesInsideCommentsDoNotStartStrings() {
        assertEquals(List.of("comment:// don't \"quote\" me", "keyword:int", "comment:/* it's \"x\" */", "keyword:return"),
                tokens("// don't \"quote\" me\nint a; /* it's \"x\" */ return a;"));
    }

    @Test
    void commentMarkersInsideStringsAndCharsAreText() {
        assertEquals(List.of("string:\"http://x /* y */\"", "char:'\\''", "char:'\"'"),
                tokens("s = \"http://x /* y */\"; c = '\\''; d = '\"';"));
    }

    @Test
    void genericsAndAnnotationsAndNumberForms() {
        assertEquals(List.of("annotation:@Override", "keyword:public", "go:Chan", "keyword:extends", "keyword:void",
                        "number:0x1F", "number:1_000L", "number:3.5e-2", "number:.5f"),
                tokens("@Override public Map<String, List<Chan<Integer>>> m(List<? extends T> x) void"
                        + " a = 0x1F + 1_000L + 3.5e-2 + .5f + x2;"));
    }

    @Test
    void anUnclosedStringEndsAtTheLineAndAnUnclosedCommentRunsToTheEnd() {
        assertEquals(List.of("string:\"open", "keyword:int", "comment:/* never closed\nint y;"),
                tokens("\"open\nint x; /* never closed\nint y;"));
    }

    @Test
    void emptyTextHasEmptySpans() {
        assertEquals(0, JavaSyntax.highlight("").length());
    }

    @Test
    void cjkInCommentsAndStringsKeepsOffsetsRight() {
        assertEquals(List.of("comment:// 通道", "string:\"你好\"", "keyword:int"),
                tokens("// 通道\ns = \"你好\"; int i;"));
    }
}
