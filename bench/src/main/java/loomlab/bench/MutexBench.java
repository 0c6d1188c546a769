package loomlab.bench;

import static loomlab.engine.Go.go;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import loomlab.engine.Mutex;
import loomlab.engine.WaitGroup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code sync.Mutex} (issue 3): {@value #INCREMENTS} increments of a shared {@code int}, each under
 * the lock, split evenly over {@code goroutines} goroutines. With 1 the driver does them all
 * itself (uncontended: every lock is the fast-path CAS); with 4 or 8 they fight for the lock.
 * One JMH op is one lock/unlock pair, so the score is nanoseconds per pair.
 *
 * <p>Peers: {@code loomlab}, the engine's {@link Mutex} in one engine run (workers are goroutines,
 * joined by a {@link WaitGroup}); {@code jdk}, a non-fair {@link ReentrantLock} on plain virtual
 * threads started by a driver virtual thread and joined. The checksum is the final count, which
 * must equal {@value #INCREMENTS}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(MutexBench.INCREMENTS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"-Xmx4g", "--add-opens=java.base/java.lang=ALL-UNNAMED"})
public class MutexBench {
    static final int INCREMENTS = 1_000_000;

    /** 1 = uncontended (the driver alone); 4 and 8 = contended. */
    @Param({"1", "4", "8"})
    public int goroutines;

    /** The shared counter; a plain field, guarded by whichever lock the peer uses. */
    private static final class Counter {
        int value;
    }

    @Benchmark
    public long loomlab() {
        int workers = goroutines;
        int each = INCREMENTS / workers;
        return Driver.onEngine(() -> {
            Mutex mu = new Mutex();
            Counter c = new Counter();
            if (workers == 1) {
                increment(mu, c, each);
            } else {
                WaitGroup wg = new WaitGroup();
                wg.add(workers);
                for (int w = 0; w < workers; w++) {
                    go(() -> {
                        increment(mu, c, each);
                        wg.done();
                    });
                }
                wg.await();
            }
            mu.lock();
            int total = c.value;
            mu.unlock();
            return check(total);
        });
    }

    @Benchmark
    public long jdk() throws InterruptedException {
        int workers = goroutines;
        int each = INCREMENTS / workers;
        return Driver.onVirtualThread(() -> {
            ReentrantLock mu = new ReentrantLock();
            Counter c = new Counter();
            if (workers == 1) {
                increment(mu, c, each);
            } else {
                List<Thread> threads = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    threads.add(Driver.startVirtual(() -> increment(mu, c, each)));
                }
                Driver.joinAll(threads);
            }
            mu.lock();
            int total = c.value;
            mu.unlock();
            return check(total);
        });
    }

    private static void increment(Mutex mu, Counter c, int n) {
        for (int i = 0; i < n; i++) {
            mu.lock();
            c.value++;
            mu.unlock();
        }
    }

    private static void increment(ReentrantLock mu, Counter c, int n) {
        for (int i = 0; i < n; i++) {
            mu.lock();
            c.value++;
            mu.unlock();
        }
    }

    private static long check(int total) {
        if (total != INCREMENTS) {
            throw new IllegalStateException("lost increments: " + total + " != " + INCREMENTS);
        }
        return total;
    }
}
