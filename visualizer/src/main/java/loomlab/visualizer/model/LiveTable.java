package loomlab.visualizer.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Objects of one kind by id, and in the order first seen. A freeze rebuilds only the objects
 * touched since the last one and shares the rest with it: the snapshots of a run share every
 * record that did not change between them.
 */
final class LiveTable<V extends Live<?>> {
    final Map<Long, V> byId = new HashMap<>();
    final List<V> inOrder = new ArrayList<>();
    private boolean sorted = true;

    /** Object {@code id} for a change, or null. */
    V get(long id) {
        V v = byId.get(id);
        if (v != null) {
            v.touch();
        }
        return v;
    }

    /** Object {@code id} for a change, made on the fly if new. */
    V getOrMake(long id, LongFunction<V> make) {
        V v = byId.get(id);
        if (v == null) {
            v = make.apply(id);
            byId.put(id, v);
            if (!inOrder.isEmpty() && inOrder.getLast().id > id) {
                sorted = false;
            }
            inOrder.add(v);
        }
        v.touch();
        return v;
    }

    @SuppressWarnings("unchecked")
    <R> List<R> freeze() {
        if (!sorted) {
            inOrder.sort(Comparator.comparingLong(v -> v.id));
            sorted = true;
        }
        Object[] out = new Object[inOrder.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = inOrder.get(i).frozen();
        }
        return (List<R>) List.of(out);
    }
}
