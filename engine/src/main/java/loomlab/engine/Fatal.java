package loomlab.engine;

/**
 * Go's unrecoverable {@code fatal error}. The run has already ended when this is thrown; it only
 * unwinds the goroutine that raised it, and catching it changes nothing.
 */
public final class Fatal extends Error {
    Fatal(String message) {
        super(message, null, false, false);
    }
}
