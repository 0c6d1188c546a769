package loomlab.bench;

import static loomlab.bench.Payload.box;
import static loomlab.engine.Go.go;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;

import com.softwaremill.jox.Channel;
import com.softwaremill.jox.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import loomlab.engine.Chan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload (c), select over four channels: four producers each send a quarter of the messages on
 * their own channel; one consumer does one {@code select} over the four receive cases per message.
 * Unbuffered channels with {@value #UNBUFFERED_MESSAGES} messages, channels of capacity
 * {@value #BUFFERED_CAPACITY} with {@value #BUFFERED_MESSAGES}. One JMH op is one message, so the
 * score in ops/µs is millions of messages per second. The cases are built anew for every select,
 * as Go does and as the anchor kit does for Jox. The JDK has no select, so it has no peer here.
 * The engine's methods run once per {@code scheduler} and {@code events} setting
 * ({@link TracedEngineSetup}); Jox's once.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"-Xmx4g", "--add-opens=java.base/java.lang=ALL-UNNAMED"})
public class Select4 {
    static final int UNBUFFERED_MESSAGES = 200_000;
    static final int BUFFERED_MESSAGES = 1_000_000;
    static final int BUFFERED_CAPACITY = 16;
    private static final int CHANNELS = 4;

    @Benchmark
    @OperationsPerInvocation(UNBUFFERED_MESSAGES)
    public long loomlabUnbuffered(TracedEngineSetup setup) {
        return onEngine(setup, 0, UNBUFFERED_MESSAGES);
    }

    @Benchmark
    @OperationsPerInvocation(BUFFERED_MESSAGES)
    public long loomlabCap16(TracedEngineSetup setup) {
        return onEngine(setup, BUFFERED_CAPACITY, BUFFERED_MESSAGES);
    }

    @Benchmark
    @OperationsPerInvocation(UNBUFFERED_MESSAGES)
    public long joxUnbuffered() throws InterruptedException {
        return jox(0, UNBUFFERED_MESSAGES);
    }

    @Benchmark
    @OperationsPerInvocation(BUFFERED_MESSAGES)
    public long joxCap16() throws InterruptedException {
        return jox(BUFFERED_CAPACITY, BUFFERED_MESSAGES);
    }

    private static long onEngine(EngineSetup setup, int capacity, int messages) {
        int share = messages / CHANNELS;
        return Driver.onEngine(setup, () -> {
            List<Chan<Integer>> chans = new ArrayList<>();
            for (int c = 0; c < CHANNELS; c++) {
                Chan<Integer> ch = Chan.make(capacity);
                chans.add(ch);
                go(() -> {
                    for (int i = 0; i < share; i++) {
                        ch.send(box(i));
                    }
                });
            }
            Chan<Integer> c0 = chans.get(0), c1 = chans.get(1), c2 = chans.get(2), c3 = chans.get(3);
            long[] checksum = new long[1];
            Consumer<Integer> add = v -> checksum[0] += v;
            for (int i = 0; i < share * CHANNELS; i++) {
                select(recv(c0, add), recv(c1, add), recv(c2, add), recv(c3, add));
            }
            return checksum[0];
        });
    }

    private static long jox(int capacity, int messages) throws InterruptedException {
        int share = messages / CHANNELS;
        return Driver.onVirtualThread(() -> {
            List<Channel<Integer>> chans = new ArrayList<>();
            List<Thread> producers = new ArrayList<>();
            for (int c = 0; c < CHANNELS; c++) {
                Channel<Integer> ch = capacity == 0 ? Channel.newRendezvousChannel() : Channel.newBufferedChannel(capacity);
                chans.add(ch);
                producers.add(Driver.startVirtual(() -> {
                    for (int i = 0; i < share; i++) {
                        ch.send(box(i));
                    }
                }));
            }
            Channel<Integer> c0 = chans.get(0), c1 = chans.get(1), c2 = chans.get(2), c3 = chans.get(3);
            long checksum = 0;
            for (int i = 0; i < share * CHANNELS; i++) {
                checksum += Select.select(c0.receiveClause(), c1.receiveClause(), c2.receiveClause(), c3.receiveClause());
            }
            Driver.joinAll(producers);
            return checksum;
        });
    }
}
