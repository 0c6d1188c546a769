package loomlab.app.editor;

/** TEMPORARY stand-in for branch appkit's record; removed before merging main. */
public record Diagnostic(long line, long column, String message, boolean error) {
}
