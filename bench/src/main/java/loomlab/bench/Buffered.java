package loomlab.bench;

import static loomlab.bench.Payload.box;
import static loomlab.engine.Go.go;

import com.softwaremill.jox.Channel;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload (b), buffered channel: {@code pairs} producers and {@code pairs} consumers share one
 * channel of {@code capacity}; {@value #MESSAGES} messages in all, each consumer receives exactly
 * its share. One JMH op is one message, so the score in ops/µs is millions of messages per second.
 * The JDK peer is an {@link ArrayBlockingQueue}.
 *
 * <p>Unlike the anchor kit there is no start gate: the time includes starting the 2-8 goroutines,
 * a few microseconds against the 100 ms or more of the messages.
 *
 * <p>Every method runs once per {@link Shape} ({@code capacity} × {@code pairs}); the engine's
 * {@code loomlab} also once per {@code scheduler} ({@link EngineSetup}). {@code loomlabEvents} is
 * the engine on one shape, capacity 16 with 1P/1C, once per {@code scheduler} and {@code events}
 * setting ({@link TracedEngineSetup}): what recording events costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(Buffered.MESSAGES)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"-Xmx4g", "--add-opens=java.base/java.lang=ALL-UNNAMED"})
public class Buffered {
    static final int MESSAGES = 2_000_000;

    /** The channel's capacity and how many producer/consumer pairs share it. */
    @State(Scope.Benchmark)
    public static class Shape {
        @Param({"16", "1024"})
        public int capacity;

        /** Producers, and as many consumers: 1P/1C or 4P/4C. */
        @Param({"1", "4"})
        public int pairs;
    }

    @Benchmark
    public long loomlab(Shape shape, EngineSetup setup) {
        return onEngine(setup, shape.capacity, shape.pairs);
    }

    /** The engine, capacity 16, 1P/1C, with and without a listener. */
    @Benchmark
    public long loomlabEvents(TracedEngineSetup setup) {
        return onEngine(setup, 16, 1);
    }

    private static long onEngine(EngineSetup setup, int capacity, int pairs) {
        int share = MESSAGES / pairs;
        return Driver.onEngine(setup, () -> {
            Chan<Integer> ch = Chan.make(capacity);
            Chan<Long> sums = Chan.make();
            for (int p = 0; p < pairs; p++) {
                go(() -> {
                    for (int i = 0; i < share; i++) {
                        ch.send(box(i));
                    }
                });
                go(() -> {
                    long sum = 0;
                    for (int i = 0; i < share; i++) {
                        sum += ch.recv();
                    }
                    sums.send(sum);
                });
            }
            long checksum = 0;
            for (int p = 0; p < pairs; p++) {
                checksum += sums.recv();
            }
            return checksum;
        });
    }

    @Benchmark
    public long jox(Shape shape) throws InterruptedException {
        int pairs = shape.pairs;
        int share = MESSAGES / pairs;
        int capacity = shape.capacity;
        return Driver.onVirtualThread(() -> {
            Channel<Integer> ch = Channel.newBufferedChannel(capacity);
            AtomicLong checksum = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < pairs; p++) {
                threads.add(Driver.startVirtual(() -> {
                    for (int i = 0; i < share; i++) {
                        ch.send(box(i));
                    }
                }));
                threads.add(Driver.startVirtual(() -> {
                    long sum = 0;
                    for (int i = 0; i < share; i++) {
                        sum += ch.receive();
                    }
                    checksum.addAndGet(sum);
                }));
            }
            Driver.joinAll(threads);
            return checksum.get();
        });
    }

    @Benchmark
    public long jdk(Shape shape) throws InterruptedException {
        int pairs = shape.pairs;
        int share = MESSAGES / pairs;
        int capacity = shape.capacity;
        return Driver.onVirtualThread(() -> {
            ArrayBlockingQueue<Integer> queue = new ArrayBlockingQueue<>(capacity);
            AtomicLong checksum = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < pairs; p++) {
                threads.add(Driver.startVirtual(() -> {
                    for (int i = 0; i < share; i++) {
                        queue.put(box(i));
                    }
                }));
                threads.add(Driver.startVirtual(() -> {
                    long sum = 0;
                    for (int i = 0; i < share; i++) {
                        sum += queue.take();
                    }
                    checksum.addAndGet(sum);
                }));
            }
            Driver.joinAll(threads);
            return checksum.get();
        });
    }
}
