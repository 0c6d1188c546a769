package loomlab.lessons;

/**
 * A lesson file is malformed. The message starts with the file and line ({@code
 * 01-goroutines-and-channels/lesson.zh.md:42: …}) and says what is wrong, so that an author can
 * fix it without reading the loader.
 */
public final class LessonFormatException extends RuntimeException {
    private final String file;
    private final int line;

    LessonFormatException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file, as the message names it. */
    public String file() {
        return file;
    }

    /** The line, from 1; 0 when the problem is the file as a whole (e.g. it is missing). */
    public int line() {
        return line;
    }
}
