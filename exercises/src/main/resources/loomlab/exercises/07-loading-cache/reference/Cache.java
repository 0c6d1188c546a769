import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import loomlab.engine.Chan;
import loomlab.engine.Mutex;
import loomlab.exercises.api.LoadingCache;

/** A cache that many goroutines share: each key is loaded once, and different keys load at the same time. */
public class Cache implements LoadingCache {
    /** One key's value, and a channel closed once the value is there. */
    private static final class Entry {
        final Chan<Void> ready;
        String value; // written once, before ready is closed; read only after receiving from ready

        Entry(String key) {
            ready = Chan.make("ready " + key);
        }
    }

    private final Mutex mu = new Mutex(); // guards entries, and only entries
    private final Map<String, Entry> entries = new HashMap<>();
    private Function<String, String> loader;

    @Override
    public void start(Function<String, String> loader) {
        this.loader = loader;
    }

    @Override
    public String get(String key) {
        Entry e;
        boolean first;
        mu.lock();
        try {
            e = entries.get(key);
            first = e == null;
            if (first) {
                e = new Entry(key); // from now on, every other caller of this key finds it and waits
                entries.put(key, e);
            }
        } finally {
            mu.unlock(); // never held while a loader runs
        }
        if (first) {
            e.value = loader.apply(key);
            e.ready.close(); // wakes every goroutine waiting for this key, and lets later ones through at once
        } else {
            e.ready.recv(); // until the first caller's load is over; at once if it already is
        }
        return e.value;
    }
}
