package loomlab.engine;

/**
 * The result of Go's {@code v, ok := <-ch}.
 *
 * @param value the value received, or null (Go's zero value) when {@code ok} is false
 * @param ok    true for a value that was sent, false when the channel is closed and drained
 */
public record Received<T>(T value, boolean ok) {
}
