package loomlab.lessons;

import java.util.List;

/** Reads lessons from their files. (To be written: issue 7.) */
final class LessonLoader {
    private LessonLoader() {
    }

    static LessonCatalog builtIn() {
        return () -> List.of();
    }
}
