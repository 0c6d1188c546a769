package loomlab.exercises;

import java.nio.file.Path;

/**
 * Where LoomLab keeps a learner's files: {@code -Dloomlab.home}, else the environment variable
 * {@code LOOMLAB_HOME}, else {@code ~/.loomlab}.
 */
final class LoomLabHome {
    private LoomLabHome() {
    }

    static Path dir() {
        String property = System.getProperty("loomlab.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("LOOMLAB_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".loomlab");
    }

    /** The copy of exercise {@code id} the workbench keeps as the learner edits it. */
    static Path workspaceFile(Exercise e) {
        return dir().resolve("workspace").resolve("exercises").resolve(e.id()).resolve(e.className() + ".java");
    }

    /** Where failing runs are saved unless told otherwise. */
    static Path runs() {
        return dir().resolve("runs");
    }
}
