package loomlab.app.store;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reading one of LoomLab's files so that a bad file never stops the app and is never lost: it
 * is renamed aside, byte for byte, and the caller gets defaults and a {@link Problem}.
 */
final class StoredFile {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Turns a file's text into a value, or says why it cannot. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text) throws KeyValueFile.Unreadable;
    }

    private StoredFile() {
    }

    /** The value in {@code file}; {@code defaults} if there is none or it is unreadable. */
    static <T> Loaded<T> load(Path file, T defaults, Parser<T> parser) {
        Optional<String> text;
        try {
            text = AtomicFiles.read(file);
        } catch (CharacterCodingException notText) {
            return Loaded.replaced(defaults, setAside(file, "not UTF-8 text"));
        } catch (IOException cannotRead) {
            // Not known to be corrupt (permissions, a directory in its place...): leave it where it is.
            return Loaded.replaced(defaults, new Problem(file, file, "cannot read: " + cannotRead));
        }
        if (text.isEmpty()) {
            return Loaded.ok(defaults);
        }
        try {
            return Loaded.ok(parser.parse(text.get()));
        } catch (KeyValueFile.Unreadable unreadable) {
            return Loaded.replaced(defaults, setAside(file, unreadable.getMessage()));
        } catch (RuntimeException invalid) {
            return Loaded.replaced(defaults, setAside(file, invalid.toString()));
        }
    }

    /**
     * Renames {@code file} to {@code <name>.corrupt-<yyyyMMdd-HHmmss>} (with {@code -2}, {@code -3}...
     * if that name is taken) so the next save cannot overwrite it.
     */
    static Problem setAside(Path file, String reason) {
        String base = file.getFileName() + ".corrupt-" + LocalDateTime.now().format(STAMP);
        try {
            Path aside = file.resolveSibling(base);
            for (int n = 2; Files.exists(aside); n++) {
                aside = file.resolveSibling(base + "-" + n);
            }
            Files.move(file, aside);
            return new Problem(file, aside, reason);
        } catch (IOException cannotRename) {
            return new Problem(file, file, reason + "; could not set it aside: " + cannotRename);
        }
    }
}
