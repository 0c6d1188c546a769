import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import loomlab.engine.Mutex;
import loomlab.exercises.api.LoadingCache;

/** Wrong: a cached key is read without the lock, but a missing one is loaded while holding it: one load at a time. */
public class Cache implements LoadingCache {
    private final Mutex mu = new Mutex();
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private Function<String, String> loader;

    @Override
    public void start(Function<String, String> loader) {
        this.loader = loader;
    }

    @Override
    public String get(String key) {
        String value = values.get(key);
        if (value != null) {
            return value;
        }
        mu.lock();
        try {
            value = values.get(key);
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
