package loomlab.lessons;

import java.util.List;

/**
 * One lesson file being read: its name as messages give it, and its lines (numbered from 1).
 *
 * @param name  e.g. {@code loomlab/lessons/01-goroutines-and-channels/lesson.en.md}
 * @param lines the text split at newlines
 */
record LessonFile(String name, List<String> lines) {
    LessonFile(String name, String text) {
        this(name, List.of(text.split("\n", -1)));
    }

    /** Line {@code number} (from 1). */
    String line(int number) {
        return lines.get(number - 1);
    }

    int lineCount() {
        return lines.size();
    }

    LessonFormatException error(int line, String problem) {
        return new LessonFormatException(name, line, problem);
    }
}
