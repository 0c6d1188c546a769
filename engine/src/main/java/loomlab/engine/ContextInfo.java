package loomlab.engine;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one context, for the context-tree view and for tests: taken by
 * {@link Context#info()}; it does not change afterwards.
 *
 * @param id       the context's id, stable for its lifetime
 * @param parentId the parent's id, or 0 for {@code Background} and {@code TODO}
 * @param kind     which constructor made it
 * @param state    whether it can be canceled, and whether it has been
 * @param deadline its deadline (its own or inherited), or null if it has none
 * @param err      Go's {@code Err()} text ({@code context canceled} …), or null while not canceled
 * @param cause    Go's {@code Cause()} text, or null while not canceled
 * @param key      for a {@code WithValue} context, the key as Go's {@code String()} shows it; else null
 * @param value    for a {@code WithValue} context, the value as Go's {@code String()} shows it; else null
 * @param children the ids of the contexts its cancellation would cancel directly ({@link Context#children()})
 */
public record ContextInfo(long id, long parentId, ContextKind kind, State state, Instant deadline,
                          String err, String cause, String key, String value, List<Long> children) {

    /** Where a context stands. */
    public enum State {
        /** Can never be canceled: its {@code done()} is the nil channel (Background, TODO, WithoutCancel). */
        UNCANCELABLE,
        /** Can be canceled and has not been. */
        ACTIVE,
        /** Canceled: {@code done()} is closed and {@code err()} is set, for good. */
        CANCELED
    }
}
