package loomlab.exercises.api;

import java.util.function.Function;

/**
 * Exercise {@code loading-cache}: a cache shared by many goroutines that loads the value of each
 * key once, on first use. {@link #start} comes first, once, from one goroutine; then {@link #get}
 * may be called from many goroutines at once.
 */
public interface LoadingCache {
    /**
     * Keeps {@code loader}, which gives the value of a key: {@code loader.apply(key)}. The loader is
     * slow; it never fails and never returns null. Returns at once, and starts no goroutine.
     */
    void start(Function<String, String> loader);

    /**
     * Returns the value of {@code key}, {@code loader.apply(key)}.
     * <ul>
     * <li>The loader is called at most once per key, however many goroutines ask for that key, at
     *     the same time or later.</li>
     * <li>A goroutine that asks for a key while it is being loaded waits for that load, and returns
     *     its value as soon as it ends.</li>
     * <li>Loads of different keys run at the same time: no lock is held while the loader runs.</li>
     * <li>A key already loaded is returned at once, even while other keys are being loaded and
     *     other goroutines wait for them.</li>
     * <li>Starts no goroutine that is still running when it returns.</li>
     * </ul>
     */
    String get(String key);
}
