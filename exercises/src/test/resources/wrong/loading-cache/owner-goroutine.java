import static loomlab.engine.Go.go;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import loomlab.engine.Chan;
import loomlab.exercises.api.LoadingCache;

/** Wrong: an owner goroutine keeps the map and serves requests from a channel that nothing ever closes. */
public class Cache implements LoadingCache {
    private record Request(String key, Chan<String> reply) {
    }

    private static final class Entry {
        final Chan<Void> ready = Chan.make();
        String value;
    }

    private final Chan<Request> requests = Chan.make("requests");

    @Override
    public void start(Function<String, String> loader) {
        go("cache-owner", () -> {
            Map<String, Entry> entries = new HashMap<>();
            for (Request r : requests) {
                Entry e = entries.get(r.key());
                if (e == null) {
                    Entry fresh = new Entry();
                    entries.put(r.key(), fresh);
                    go(() -> {
                        fresh.value = loader.apply(r.key());
                        fresh.ready.close();
                    });
                    e = fresh;
                }
                Entry found = e;
                go(() -> {
                    found.ready.recv();
                    r.reply().send(found.value);
                });
            }
        });
    }

    @Override
    public String get(String key) {
        Chan<String> reply = Chan.make();
        requests.send(new Request(key, reply));
        return reply.recv();
    }
}
