package loomlab.app.store;

import java.util.Optional;

/** TEMPORARY stand-in for branch appkit's record; removed before merging main. */
public record Loaded<T>(T value, Optional<Problem> problem) {
}
