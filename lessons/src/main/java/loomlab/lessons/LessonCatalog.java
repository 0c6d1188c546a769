package loomlab.lessons;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The lessons, in order. The built-in ones are resources of this module; the format an author
 * writes, and how it is read, is described in {@code lessons/README.md}.
 */
public interface LessonCatalog {
    /** Every lesson, by ascending {@link Lesson#order()}. */
    List<Lesson> lessons();

    default Optional<Lesson> lesson(String id) {
        return lessons().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The lessons that ship with LoomLab; fails with a message naming the file if one is malformed. */
    static LessonCatalog builtIn() {
        return LessonLoader.builtIn();
    }

    /**
     * The lessons in a folder on disk, in the built-in format ({@code index.txt} and one folder per
     * lesson): an author tries a lesson without rebuilding LoomLab. Read once, now.
     *
     * @throws LessonFormatException naming the file and line, if a file is missing or malformed
     */
    static LessonCatalog fromDirectory(Path dir) {
        return LessonLoader.fromDirectory(dir);
    }
}
