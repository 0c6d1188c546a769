package loomlab.app.store;

import java.nio.file.Files;
import java.nio.file.Path;

/** TEMPORARY stand-in for branch appkit's class; removed before merging main. */
public final class Workspace {
    private final Path home;

    public Workspace(Path home) {
        this.home = home;
    }

    public Path lessonFile(String lessonId, String stepId, String className) {
        return home.resolve("workspace").resolve("lessons").resolve(lessonId).resolve(stepId).resolve(className + ".java");
    }

    public Path exerciseFile(String exerciseId, String className) {
        return home.resolve("workspace").resolve("exercises").resolve(exerciseId).resolve(className + ".java");
    }

    public String load(Path file, String original) {
        return AtomicFiles.read(file).orElse(original);
    }

    public void saveSoon(Path file, String text) {
        AtomicFiles.write(file, text);
    }

    public void flush() {
    }

    public void reset(Path file, String original) {
        AtomicFiles.write(file, original);
    }

    public boolean isModified(Path file, String original) {
        return Files.exists(file) && !load(file, original).equals(original);
    }
}
