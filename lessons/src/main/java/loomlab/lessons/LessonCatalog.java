package loomlab.lessons;

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
}
