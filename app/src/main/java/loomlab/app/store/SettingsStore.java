package loomlab.app.store;

import java.nio.file.Path;
import java.util.Optional;

/** TEMPORARY stand-in for branch appkit's class (does not persist); removed before merging main. */
public final class SettingsStore {
    public SettingsStore(Path home) {
    }

    public Loaded<Settings> load() {
        return new Loaded<>(Settings.defaults(), Optional.empty());
    }

    public void save(Settings settings) {
    }
}
