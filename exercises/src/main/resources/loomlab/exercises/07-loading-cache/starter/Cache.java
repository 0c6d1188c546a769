import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import loomlab.engine.Mutex;
import loomlab.exercises.api.LoadingCache;

/** A cache that many goroutines share: each key is loaded once, and different keys load at the same time. */
public class Cache implements LoadingCache {
    private final Mutex mu = new Mutex(); // guards values
    private final Map<String, String> values = new HashMap<>();
    private Function<String, String> loader;

    @Override
    public void start(Function<String, String> loader) {
        this.loader = loader;
    }

    @Override
    public String get(String key) {
        // This is correct but slow: it holds the lock while the loader runs, so every other get,
        // of any key, even one already loaded, waits until that load is over.
        // TODO: hold the lock only to look up and change the map, never while the loader runs.
        // TODO: keep an entry per key, put in the map before its load starts, with a channel
        //       that is closed when its value is there; a caller that finds the entry waits on it.
        mu.lock();
        try {
            String value = values.get(key);
            if (value == null) {
                value = loader.apply(key);
                values.put(key, value);
            }
            return value;
        } finally {
            mu.unlock();
        }
    }
}
