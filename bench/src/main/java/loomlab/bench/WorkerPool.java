package loomlab.bench;

import static loomlab.bench.Payload.box;
import static loomlab.bench.Payload.mix;
import static loomlab.engine.Go.go;

import com.softwaremill.jox.Channel;
import com.softwaremill.jox.ChannelDone;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import loomlab.engine.Chan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload (e), worker pool: {@value #WORKERS} workers range over a jobs channel of capacity
 * {@value #CAPACITY}; the driver sends {@value #TASKS} tasks, then closes the channel (the JDK
 * peer, which cannot close a queue, sends one poison pill per worker) and waits for the workers.
 * One JMH op is the whole pool, so the score is milliseconds, starting the workers included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"-Xmx4g", "--add-opens=java.base/java.lang=ALL-UNNAMED"})
public class WorkerPool {
    static final int WORKERS = 8;
    static final int CAPACITY = 128;
    static final int TASKS = 1_000_000;
    private static final Object POISON = new Object();

    /** The engine on {@code scheduler} (gmp, jdk). */
    @Benchmark
    public long loomlab(EngineSetup setup) {
        return Driver.onEngine(setup, () -> {
            Chan<Integer> jobs = Chan.make(CAPACITY);
            Chan<Long> sums = Chan.make();
            for (int w = 0; w < WORKERS; w++) {
                go(() -> {
                    long sum = 0;
                    for (Integer job : jobs) {
                        sum += mix(job);
                    }
                    sums.send(sum);
                });
            }
            for (int i = 0; i < TASKS; i++) {
                jobs.send(box(i));
            }
            jobs.close();
            long checksum = 0;
            for (int w = 0; w < WORKERS; w++) {
                checksum += sums.recv();
            }
            return checksum;
        });
    }

    @Benchmark
    public long jox() throws InterruptedException {
        return Driver.onVirtualThread(() -> {
            Channel<Integer> jobs = Channel.newBufferedChannel(CAPACITY);
            AtomicLong checksum = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                workers.add(Driver.startVirtual(() -> {
                    long sum = 0;
                    for (Object job = jobs.receiveOrClosed(); !(job instanceof ChannelDone); job = jobs.receiveOrClosed()) {
                        sum += mix((Integer) job);
                    }
                    checksum.addAndGet(sum);
                }));
            }
            for (int i = 0; i < TASKS; i++) {
                jobs.send(box(i));
            }
            jobs.done();
            Driver.joinAll(workers);
            return checksum.get();
        });
    }

    @Benchmark
    public long jdk() throws InterruptedException {
        return Driver.onVirtualThread(() -> {
            ArrayBlockingQueue<Object> jobs = new ArrayBlockingQueue<>(CAPACITY);
            AtomicLong checksum = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                workers.add(Driver.startVirtual(() -> {
                    long sum = 0;
                    for (Object job = jobs.take(); job != POISON; job = jobs.take()) {
                        sum += mix((Integer) job);
                    }
                    checksum.addAndGet(sum);
                }));
            }
            for (int i = 0; i < TASKS; i++) {
                jobs.put(box(i));
            }
            for (int w = 0; w < WORKERS; w++) {
                jobs.put(POISON);
            }
            Driver.joinAll(workers);
            return checksum.get();
        });
    }
}
