package loomlab.exercises.grading;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Counts how often each item was seen: "every job processed exactly once". Thread-safe. */
public final class Tally<T extends Comparable<T>> {
    private final Map<T, Integer> counts = new ConcurrentHashMap<>();

    public void add(T item) {
        counts.merge(item, 1, Integer::sum);
    }

    public int count(T item) {
        return counts.getOrDefault(item, 0);
    }

    /**
     * Every item that was not seen exactly once, with how often it was seen: items of
     * {@code expected} seen 0 or several times, and items seen that were not expected. Empty if
     * all is well. In item order.
     */
    public Map<T, Integer> notExactlyOnce(Collection<T> expected) {
        Map<T, Integer> wrong = new TreeMap<>();
        for (T item : expected) {
            int n = count(item);
            if (n != 1) {
                wrong.put(item, n);
            }
        }
        counts.forEach((item, n) -> {
            if (!expected.contains(item)) {
                wrong.put(item, n);
            }
        });
        return new LinkedHashMap<>(wrong);
    }
}
