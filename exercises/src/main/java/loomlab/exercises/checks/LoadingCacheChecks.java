package loomlab.exercises.checks;

import static loomlab.engine.Go.go;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import loomlab.engine.Time;
import loomlab.engine.WaitGroup;
import loomlab.exercises.api.LoadingCache;
import loomlab.exercises.grading.Grading;
import loomlab.exercises.grading.GradingExtension;
import loomlab.exercises.grading.Phrase;
import loomlab.exercises.grading.Tally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades {@code loading-cache}. Every cache gets a slow loader: it takes 100 ms of virtual time
 * per key, gives {@code "value of <key>"}, and notes which keys it loaded and when each load
 * began and ended. Goroutines call {@code get} at chosen moments and note when it returned and
 * what it gave, so on the virtual clock a correct cache answers at exact times: 100 ms after the
 * load of a new key began, the moment that load ends for those who waited for it, and at once
 * for a key already loaded.
 */
@ExtendWith(GradingExtension.class)
public class LoadingCacheChecks {
    private static final Duration LOAD = Duration.ofMillis(100);
    private static final Duration AT_ONCE = Duration.ZERO;

    /** What the loader gives for {@code key}. */
    private static String valueOf(String key) {
        return "value of " + key;
    }

    /** The slow loader handed to {@code start}. Thread-safe: a wrong solution may load a key from many goroutines. */
    private static final class Loader implements Function<String, String> {
        final Instant start = Time.now();
        final Tally<String> loads = new Tally<>();
        /** When the first load of each key began and ended, since {@link #start}. */
        final Map<String, Duration> began = new ConcurrentHashMap<>();
        final Map<String, Duration> ended = new ConcurrentHashMap<>();

        @Override
        public String apply(String key) {
            loads.add(key);
            began.putIfAbsent(key, Time.since(start));
            Time.sleep(LOAD);
            ended.putIfAbsent(key, Time.since(start));
            return valueOf(key);
        }
    }

    private static LoadingCache open(Grading grading, Loader loader) {
        LoadingCache cache = grading.create(LoadingCache.class);
        cache.start(loader);
        return cache;
    }

    /** One call of get: its key, when it was called and when it returned (since the loader's start), and what it gave. */
    private record Got(String key, Duration calledAt, Duration returnedAt, String value) {
    }

    /** Goroutines that each call get once, at a given moment, and note what they got. */
    private static final class Calls {
        private final LoadingCache cache;
        private final Loader loader;
        private final WaitGroup wg = new WaitGroup();
        private final List<Got> got = Collections.synchronizedList(new ArrayList<>());
        private int started;

        Calls(LoadingCache cache, Loader loader) {
            this.cache = cache;
            this.loader = loader;
        }

        /** Starts a goroutine that calls {@code get(key)} at {@code at} since the loader's start. */
        Calls at(Duration at, String key) {
            wg.add(1);
            started++;
            go("get-" + key + "-" + started, () -> {
                Duration wait = at.minus(Time.since(loader.start));
                if (wait.isPositive()) {
                    Time.sleep(wait);
                }
                Duration calledAt = Time.since(loader.start);
                String value = cache.get(key);
                got.add(new Got(key, calledAt, Time.since(loader.start), value));
                wg.done();
            });
            return this;
        }

        /** Waits until every call has returned; the calls in the order they were made, then by key. */
        List<Got> await() {
            wg.await();
            synchronized (got) {
                return got.stream().sorted(Comparator.comparing(Got::calledAt).thenComparing(Got::key)).toList();
            }
        }
    }

    @Test
    void everyGetReturnsTheLoadersValue(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Loader loader = new Loader();
            LoadingCache cache = open(grading, loader);
            List<String> calls = new ArrayList<>();
            for (String key : List.of("a", "b", "a", "c", "b", "a")) {
                calls.add("get(\"" + key + "\")");
                String value = cache.get(key);
                run.expect(valueOf(key).equals(value), Phrase.of(
                        "Called one after another: %s. The last, get(\"%s\"), returned %s, but the loader gives "
                                + "\"%s\" for that key.",
                        "依次调用了 %5$s。最后一次 get(\"%2$s\") 返回了 %3$s，但对这个键，loader 给出的是 \"%4$s\"。",
                        String.join(", ", calls), key, Items.quoted(value), valueOf(key), String.join("、", calls)));
            }

            Loader other = new Loader();
            LoadingCache fresh = open(grading, other);
            Calls together = new Calls(fresh, other);
            for (String key : List.of("d", "e", "f")) {
                together.at(AT_ONCE, key);
            }
            for (Got g : together.await()) {
                run.expect(valueOf(g.key()).equals(g.value()), Phrase.of(
                        "get(\"d\"), get(\"e\") and get(\"f\") were called at the same time, from three goroutines. "
                                + "get(\"%s\") returned %s, but the loader gives \"%s\" for that key.",
                        "三个 goroutine 同时调用了 get(\"d\")、get(\"e\") 和 get(\"f\")。get(\"%s\") 返回了 %s，"
                                + "但对这个键，loader 给出的是 \"%s\"。",
                        g.key(), Items.quoted(g.value()), valueOf(g.key())));
            }
            for (String key : List.of("f", "d", "e")) {
                String value = fresh.get(key);
                run.expect(valueOf(key).equals(value), Phrase.of(
                        "After d, e and f had been loaded at the same time, get(\"%s\") returned %s, but the loader "
                                + "gives \"%s\" for that key.",
                        "d、e、f 三个键同时加载完之后，get(\"%s\") 返回了 %s，但对这个键，loader 给出的是 \"%s\"。",
                        key, Items.quoted(value), valueOf(key)));
            }
        });
    }

    @Test
    void eachKeyIsLoadedExactlyOnce(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Loader loader = new Loader();
            LoadingCache cache = open(grading, loader);
            List<String> keys = List.of("a", "b", "c");
            Calls calls = new Calls(cache, loader);
            for (String key : keys) {
                for (int i = 0; i < 4; i++) {
                    calls.at(AT_ONCE, key);
                }
                calls.at(Duration.ofMillis(50), key).at(Duration.ofMillis(50), key);
                calls.at(Duration.ofMillis(150), key).at(Duration.ofMillis(150), key);
            }
            calls.await();
            Map<String, Integer> wrong = loader.loads.notExactlyOnce(keys);
            run.expect(wrong.isEmpty(), Phrase.lines(Phrase.of(
                    "Goroutines asked for the keys a, b and c: 4 for each key at 0s, 2 more at 50ms while the keys "
                            + "were being loaded, and 2 more at 150ms, after. Each key must be loaded exactly once, but "
                            + "the loader was called for:",
                    "多个 goroutine 请求了 a、b、c 三个键：0s 时每个键 4 个，50ms 时（这些键正在加载）每个键又来了 2 个，"
                            + "150ms 时（加载已经结束）每个键再来 2 个。每个键都必须恰好加载一次，但 loader 被调用的情况是："),
                    Items.counts("key", "键", wrong)));
        });
    }

    @Test
    void callersOfAKeyBeingLoadedWaitForIt(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Loader loader = new Loader();
            LoadingCache cache = open(grading, loader);
            Calls calls = new Calls(cache, loader);
            for (long ms : new long[] {0, 10, 50, 99}) {
                calls.at(Duration.ofMillis(ms), "a");
            }
            List<Got> got = calls.await();
            Duration began = loader.began.get("a");
            Duration ended = loader.ended.get("a");
            run.expect(ended != null, Phrase.of(
                    "Four goroutines asked for \"a\", but the loader was never called for it.",
                    "四个 goroutine 请求了 \"a\"，loader 却从来没有为它被调用过。"));
            for (Got g : got) {
                if (!g.calledAt().isPositive()) {
                    continue; // the first caller: it starts the load
                }
                run.expect(valueOf("a").equals(g.value()) && g.returnedAt().equals(ended), Phrase.of(
                        "get(\"a\") was called at %s, while \"a\" was being loaded (that load ran from %s to %s). "
                                + "It returned %s at %s. It should wait for that load and return its value, \"%s\", "
                                + "the moment the load ends: at %s.",
                        "get(\"a\") 在 %s 被调用，当时 \"a\" 正在加载（这次加载从 %s 持续到 %s）。它在 %5$s 返回了 %4$s。"
                                + "它应当等待这次加载，并在加载结束的那一刻，也就是 %7$s，返回加载出的值 \"%6$s\"。",
                        Time.format(g.calledAt()), Time.format(began), Time.format(ended), Items.quoted(g.value()),
                        Time.format(g.returnedAt()), valueOf("a"), Time.format(ended)));
            }
        });
    }

    @Test
    void differentKeysLoadAtTheSameTime(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Loader loader = new Loader();
            LoadingCache cache = open(grading, loader);
            Calls calls = new Calls(cache, loader);
            calls.at(AT_ONCE, "a").at(AT_ONCE, "b").at(AT_ONCE, "c").at(Duration.ofMillis(50), "d");
            List<Got> got = calls.await();
            List<String> returned = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            boolean allOnTime = true;
            for (Got g : got) {
                Duration due = g.calledAt().plus(LOAD);
                returned.add(g.key() + ": " + Time.format(g.returnedAt()));
                expected.add(g.key() + ": " + Time.format(due));
                allOnTime &= g.returnedAt().compareTo(due) <= 0; // sooner is not this check's business: see the others
            }
            run.expect(allOnTime, Phrase.of(
                    "get(\"a\"), get(\"b\") and get(\"c\") were called at 0s and get(\"d\") at 50ms, each from a "
                            + "goroutine of its own and for a key not loaded yet; a load takes %s. They returned at %s, "
                            + "but none should take longer than one load, %s: %s. The load of one key must not wait for "
                            + "the load of another.",
                    "get(\"a\")、get(\"b\")、get(\"c\") 在 0s、get(\"d\") 在 50ms 被调用，每个都在自己的 goroutine 里，"
                            + "请求的都是还没加载过的键；一次加载要 %s。它们返回的时间是 %s，但每个都不应超过一次加载的时间 %s：%s。"
                            + "一个键的加载不能等另一个键的加载。",
                    Time.format(LOAD), returned, Time.format(LOAD), expected));
        });
    }

    @Test
    void aCachedKeyIsReturnedAtOnce(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Loader loader = new Loader();
            LoadingCache cache = open(grading, loader);
            cache.get("a");
            Instant before = Time.now();
            cache.get("a");
            Duration took = Time.since(before);
            run.expect(took.isZero(), Phrase.of(
                    "\"a\" had been loaded, and then get(\"a\") took %s. A key already in the cache is returned at once.",
                    "\"a\" 已经加载过了，之后的 get(\"a\") 却花了 %s。已经在缓存里的键应当立即返回。",
                    Time.format(took)));

            Duration loaded = Time.since(loader.start);
            Calls calls = new Calls(cache, loader);
            Duration waitersAt = loaded.plus(Duration.ofMillis(10));
            calls.at(loaded, "b").at(waitersAt, "b").at(waitersAt, "b");
            Time.sleep(Duration.ofMillis(20));
            Duration at = Time.since(loader.start);
            before = Time.now();
            cache.get("a");
            took = Time.since(before);
            run.expect(took.isZero(), Phrase.of(
                    "get(\"a\") at %s took %s. \"a\" was in the cache; at that moment \"b\" was being loaded (since %s), "
                            + "and two more goroutines had been waiting for it since %s. A key already in the cache must "
                            + "not wait for the load of another key, nor for the goroutines that wait for it.",
                    "在 %s 调用的 get(\"a\") 花了 %s。\"a\" 已经在缓存里；当时 \"b\" 正在加载（从 %s 开始），"
                            + "另有两个 goroutine 从 %s 起就在等它。已经在缓存里的键，既不能等另一个键的加载，也不能等那些在等它的 goroutine。",
                    Time.format(at), Time.format(took), Time.format(loaded), Time.format(waitersAt)));
            calls.await();
        });
    }

    @Test
    void noGoroutineIsLeftBehind(Grading grading) {
        grading.check(run -> {
            Loader loader = new Loader();
            LoadingCache cache = open(grading, loader);
            Calls calls = new Calls(cache, loader);
            calls.at(AT_ONCE, "a").at(AT_ONCE, "a").at(AT_ONCE, "b").at(Duration.ofMillis(50), "a")
                    .at(Duration.ofMillis(150), "c");
            calls.await();
            cache.get("a");
        });
    }
}
