import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import loomlab.engine.Chan;
import loomlab.engine.Mutex;
import loomlab.exercises.api.LoadingCache;

/** Wrong: a caller that finds the key loading waits for the load while it still holds the lock. */
public class Cache implements LoadingCache {
    private static final class Entry {
        final Chan<Void> ready = Chan.make();
        String value;
    }

    private final Mutex mu = new Mutex();
    private final Map<String, Entry> entries = new HashMap<>();
    private Function<String, String> loader;

    @Override
    public void start(Function<String, String> loader) {
        this.loader = loader;
    }

    @Override
    public String get(String key) {
        mu.lock();
        Entry e = entries.get(key);
        if (e == null) {
            e = new Entry();
            entries.put(key, e);
            mu.unlock();
            e.value = loader.apply(key);
            e.ready.close();
            return e.value;
        }
        try {
            e.ready.recv();
            return e.value;
        } finally {
            mu.unlock();
        }
    }
}
