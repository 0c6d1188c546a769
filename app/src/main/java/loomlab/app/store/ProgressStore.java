package loomlab.app.store;

import java.nio.file.Path;
import java.util.Optional;

/** TEMPORARY stand-in for branch appkit's class (does not persist); removed before merging main. */
public final class ProgressStore {
    public ProgressStore(Path home) {
    }

    public Loaded<Progress> load() {
        return new Loaded<>(Progress.empty(), Optional.empty());
    }

    public void save(Progress progress) {
    }
}
