package loomlab.app.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DiagnosticRangesTest {
    private static final String CODE = "class A {\n    int x = \"s\";\n    foo(x)\n\n}";

    private static int[] range(long line, long column) {
        return DiagnosticRanges.range(CODE, new Diagnostic(line, column, "m", true));
    }

    private static int offset(int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = CODE.indexOf('\n', at) + 1;
        }
        return at + column - 1;
    }

    @Test
    void aWordIsMarkedToItsEnd() {
        assertArrayEquals(new int[] {offset(3, 5), offset(3, 8)}, range(3, 5));
    }

    @Test
    void aStringLiteralIsMarkedToTheLineEnd() {
        assertArrayEquals(new int[] {offset(2, 13), offset(2, 17)}, range(2, 13));
    }

    @Test
    void aColumnPastTheTextMarksTheLastCharacter() {
        assertArrayEquals(new int[] {offset(3, 10), offset(3, 11)}, range(3, 11));
    }

    @Test
    void aSymbolIsOneCharacter() {
        assertArrayEquals(new int[] {offset(2, 11), offset(2, 12)}, range(2, 11));
    }

    @Test
    void linesBeyondTheTextAreClampedToTheLastLine() {
        assertArrayEquals(new int[] {offset(5, 1), offset(5, 2)}, range(99, 1));
    }
}
