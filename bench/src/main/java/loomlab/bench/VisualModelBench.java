package loomlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import loomlab.engine.events.Event;
import loomlab.engine.events.Event.*;
import loomlab.engine.events.Traced;
import loomlab.visualizer.model.RunModel;
import loomlab.visualizer.model.VisualState;

/**
 * Issue 5's targets for the visual model: folding a 1,000,000-event run (at least 2,000,000 events
 * per second) and seeking to any event of it (under 50 ms). A plain program, as
 * {@link BlockedMillion} is: one fold and one seek are one-off phases, timed each, not a
 * steady-state operation for JMH.
 * <pre>
 * java -Xmx4g -cp bench/target/benchmarks.jar loomlab.bench.VisualModelBench \
 *     [--events 1000000] [--seeks 1000] [--goroutines 200]
 * </pre>
 * The run is synthetic but well formed: {@value #GOROUTINES} goroutines (by default) on
 * {@value #PROCS} Ps and Ms, each turn woken, queued, popped and started, then sending to or receiving from one of
 * {@value #CHANNELS} buffered channels, sometimes in a select, sometimes printing a line, and
 * parking on a channel's receive queue until a later turn wakes it; timers fire now and then.
 */
public final class VisualModelBench {
    /** Goroutines in the run unless {@code --goroutines} says otherwise. */
    private static final int GOROUTINES = 200;
    /** Channels in the run. */
    private static final int CHANNELS = 50;
    /** Buffer capacity of every channel. */
    private static final int CAPACITY = 8;
    /** Ps, and as many Ms. */
    private static final int PROCS = 4;
    /** Folds of the whole run before the measured ones. */
    private static final int FOLD_WARMUPS = 3;
    /** Measured folds of the whole run. */
    private static final int FOLD_ROUNDS = 5;
    /** Seeks before the measured ones. */
    private static final int SEEK_WARMUPS = 200;

    private VisualModelBench() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        int events = Integer.parseInt(options.getOrDefault("events", "1000000"));
        int seeks = Integer.parseInt(options.getOrDefault("seeks", "1000"));
        int goroutines = Integer.parseInt(options.getOrDefault("goroutines", String.valueOf(GOROUTINES)));

        long t0 = System.nanoTime();
        List<Traced> run = new Generator(new Random(1), goroutines).run(events);
        System.out.printf(Locale.ROOT, "generated %,d events in %.0f ms%n", run.size(), ms(System.nanoTime() - t0));

        RunModel model = null;
        double[] rates = new double[FOLD_ROUNDS];
        for (int r = 0; r < FOLD_WARMUPS + FOLD_ROUNDS; r++) {
            model = null;
            System.gc();
            long start = System.nanoTime();
            model = RunModel.of(run);
            long took = System.nanoTime() - start;
            double rate = run.size() / (took / 1e9);
            System.out.printf(Locale.ROOT, "%s fold %d: %.0f ms, %.2f M events/s%n",
                    r < FOLD_WARMUPS ? "warm-up" : "measured", r + 1, ms(took), rate / 1e6);
            if (r >= FOLD_WARMUPS) {
                rates[r - FOLD_WARMUPS] = rate;
            }
        }
        Arrays.sort(rates);
        VisualState last = model.latest();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        System.out.printf(Locale.ROOT,
                "final state: %d goroutines, %d channels, %d output lines; heap after GC %d MiB%n",
                last.goroutines().size(), last.channels().size(), last.output().size(), heap >> 20);

        Random random = new Random(2);
        for (int i = 0; i < SEEK_WARMUPS; i++) {
            model.stateAt(random.nextLong(run.size() + 1));
        }
        double[] seekMs = new double[seeks];
        for (int i = 0; i < seeks; i++) {
            long target = random.nextLong(run.size() + 1);
            long start = System.nanoTime();
            VisualState s = model.stateAt(target);
            seekMs[i] = ms(System.nanoTime() - start);
            if (s.seq() != target) {
                throw new AssertionError("seek to " + target + " gave " + s.seq());
            }
        }
        Arrays.sort(seekMs);
        System.out.printf(Locale.ROOT,
                "RESULT events=%d goroutines=%d fold_meps_median=%.2f fold_meps_min=%.2f fold_meps_max=%.2f seeks=%d"
                        + " seek_ms_median=%.3f seek_ms_p99=%.3f seek_ms_worst=%.3f snapshot_interval=%d%n",
                run.size(), last.goroutines().size(), rates[FOLD_ROUNDS / 2] / 1e6, rates[0] / 1e6,
                rates[FOLD_ROUNDS - 1] / 1e6, seeks,
                seekMs[seeks / 2], seekMs[(int) (seeks * 0.99)], seekMs[seeks - 1], RunModel.SNAPSHOT_INTERVAL);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** Makes a well-formed run: every buffer move fits the channel, every waiter is dequeued before it runs again. */
    private static final class Generator {
        private final Random random;
        private final List<Traced> out = new ArrayList<>();
        private final int[] count = new int[CHANNELS + 1];
        private final int[] sendx = new int[CHANNELS + 1];
        private final int[] recvx = new int[CHANNELS + 1];
        /** The channel each goroutine is parked on, or 0 if it is not parked. */
        private final int[] parkedOn;
        private final int goroutines;
        private final String[] values = new String[1024];
        private long nanos;

        Generator(Random random, int goroutines) {
            this.random = random;
            this.goroutines = goroutines;
            this.parkedOn = new int[goroutines + 1];
            for (int i = 0; i < values.length; i++) {
                values[i] = Event.text("msg-" + i);
            }
        }

        List<Traced> run(int events) {
            emit(0, -1, -1, new GoCreate(1, 0, "main"));
            for (int m = 0; m < PROCS; m++) {
                emit(0, m, m, new MStart(m));
            }
            for (int ch = 1; ch <= CHANNELS; ch++) {
                emit(1, 0, 0, new ChanMake(ch, CAPACITY));
            }
            for (int g = 2; g <= goroutines; g++) {
                emit(1, 0, 0, new GoCreate(g, 1, "worker"));
            }
            emit(1, 0, 0, new TimerStart(1, 1_000_000, 1_000_000));
            while (out.size() < events) {
                turn(2 + random.nextInt(goroutines - 1));
            }
            return List.copyOf(out.subList(0, events));
        }

        /** One turn of goroutine {@code g}: woken, queued, started, one channel operation, parked or yielding. */
        private void turn(int g) {
            int p = g % PROCS;
            nanos += 1 + random.nextInt(500);
            if (parkedOn[g] != 0) {
                emit(0, p, p, new WaiterDequeue(parkedOn[g], g, false));
                emit(0, p, p, new GoUnblock(g, 0));
                parkedOn[g] = 0;
            }
            emit(0, p, p, new RunqPush(p, g, random.nextBoolean()));
            emit(0, p, p, new RunqPop(p, g, false));
            emit(g, p, p, new GoStart(g));
            int ch = 1 + random.nextInt(CHANNELS);
            boolean select = random.nextInt(8) == 0;
            if (select) {
                emit(g, p, p, new SelectBegin(g, 2, false));
            }
            if (count[ch] < CAPACITY && (count[ch] == 0 || random.nextBoolean())) {
                emit(g, p, p, new ChanSend(ch, g, values[random.nextInt(values.length)], sendx[ch], 0));
                sendx[ch] = (sendx[ch] + 1) % CAPACITY;
                count[ch]++;
            } else {
                emit(g, p, p, new ChanRecv(ch, g, "v", true, recvx[ch], 0));
                recvx[ch] = (recvx[ch] + 1) % CAPACITY;
                count[ch]--;
            }
            if (select) {
                emit(g, p, p, new SelectChosen(g, random.nextInt(2)));
            }
            if (random.nextInt(16) == 0) {
                emit(g, p, p, new Output(g, values[random.nextInt(values.length)]));
            }
            if (random.nextInt(64) == 0) {
                emit(0, -1, -1, new TimerFire(1));
            }
            if (random.nextBoolean()) {
                int on = 1 + random.nextInt(CHANNELS);
                emit(g, p, p, new WaiterEnqueue(on, g, false, null));
                emit(g, p, p, new GoBlock(g, "chan receive", on));
                parkedOn[g] = on;
            } else {
                emit(g, p, p, new GoYield(g));
            }
        }

        private void emit(long g, int p, int m, Event e) {
            out.add(new Traced(out.size() + 1, nanos, g, p, m, null, e));
        }
    }
}
