package loomlab.app.store;

import java.nio.file.Path;

/**
 * A file LoomLab could not read, and what became of it.
 *
 * @param file     the file as it was named
 * @param setAside where its bytes are now ({@code <name>.corrupt-<yyyyMMdd-HHmmss>}), untouched, for
 *                 the learner or a bug report; equal to {@code file} if it could not be renamed
 * @param reason   why it could not be read, in technical terms (the window says the rest in the
 *                 learner's language)
 */
public record Problem(Path file, Path setAside, String reason) {
}
