package loomlab.exercises;

import java.util.List;
import java.util.Optional;

/** The exercises, in order. */
public interface ExerciseCatalog {
    /** Every exercise, by ascending {@link Exercise#order()}. */
    List<Exercise> exercises();

    default Optional<Exercise> exercise(String id) {
        return exercises().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The exercises that ship with LoomLab; fails with a message naming the file if one is malformed. */
    static ExerciseCatalog builtIn() {
        List<Exercise> all = ExerciseFiles.builtIn().stream().map(ExerciseFiles.Loaded::exercise).toList();
        return () -> all;
    }

    /** The names and hints of the checks of built-in exercise {@code id}, in the order they are reported. */
    static List<CheckText> checks(String id) {
        return ExerciseFiles.checks(id);
    }
}
