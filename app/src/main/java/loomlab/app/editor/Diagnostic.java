package loomlab.app.editor;

/**
 * A compiler's remark about the code in the editor.
 *
 * @param line    1-based line
 * @param column  1-based column, in characters of that line
 * @param message what the compiler said, in its own words
 * @param error   an error (true) or a warning (false)
 */
public record Diagnostic(long line, long column, String message, boolean error) {
}
