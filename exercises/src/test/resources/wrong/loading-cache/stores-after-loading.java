import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import loomlab.engine.Mutex;
import loomlab.exercises.api.LoadingCache;

/** Wrong: the value goes into the map only once it is loaded, so every caller until then loads it too. */
public class Cache implements LoadingCache {
    private final Mutex mu = new Mutex();
    private final Map<String, String> values = new HashMap<>();
    private Function<String, String> loader;

    @Override
    public void start(Function<String, String> loader) {
        this.loader = loader;
    }

    @Override
    public String get(String key) {
        String value;
        mu.lock();
        try {
            value = values.get(key);
        } finally {
            mu.unlock();
        }
        if (value == null) {
            value = loader.apply(key);
            mu.lock();
            try {
                values.put(key, value);
            } finally {
                mu.unlock();
            }
        }
        return value;
    }
}
