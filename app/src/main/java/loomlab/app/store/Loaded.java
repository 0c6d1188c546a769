package loomlab.app.store;

import java.util.Objects;
import java.util.Optional;

/**
 * What a store read: the value (defaults if the file was missing or unreadable) and, if the
 * file was unreadable, the problem to tell the learner about.
 */
public record Loaded<T>(T value, Optional<Problem> problem) {
    public Loaded {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(problem, "problem");
    }

    static <T> Loaded<T> ok(T value) {
        return new Loaded<>(value, Optional.empty());
    }

    static <T> Loaded<T> replaced(T defaults, Problem problem) {
        return new Loaded<>(defaults, Optional.of(problem));
    }
}
