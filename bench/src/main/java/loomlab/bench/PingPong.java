package loomlab.bench;

import static loomlab.bench.Payload.box;
import static loomlab.engine.Go.go;

import com.softwaremill.jox.Channel;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
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
 * Workload (a), ping-pong: two goroutines bounce a value over two unbuffered channels,
 * {@value #ROUND_TRIPS} round trips. One JMH op is one one-way handoff, so the score is
 * nanoseconds per handoff: the cost of waking a parked partner, nothing else.
 *
 * <p>With two carriers the score is bimodal (about 100 vs 300-500 ns, depending on whether the
 * pair shares a carrier); see the anchor kit's finding 8. Run it also with one carrier,
 * {@code -jvmArgsAppend -Djdk.virtualThreadScheduler.parallelism=1}: a channel that spins while
 * its partner cannot run loses by an order of magnitude there. (That property sets the JDK
 * scheduler's carriers; the engine's own scheduler has GOMAXPROCS Ms, the number of CPUs.)
 *
 * <p>The engine's method runs once per {@code scheduler} and {@code events} setting
 * ({@link TracedEngineSetup}); the peers once.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(2 * PingPong.ROUND_TRIPS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"-Xmx4g", "--add-opens=java.base/java.lang=ALL-UNNAMED"})
public class PingPong {
    static final int ROUND_TRIPS = 100_000;

    /** The engine on {@code scheduler} (gmp, jdk), with {@code events} none or counting. */
    @Benchmark
    public long loomlab(TracedEngineSetup setup) {
        return Driver.onEngine(setup, () -> {
            Chan<Integer> ping = Chan.make();
            Chan<Integer> pong = Chan.make();
            go(() -> {
                for (int i = 0; i < ROUND_TRIPS; i++) {
                    pong.send(box(ping.recv() + 1));
                }
            });
            long checksum = 0;
            for (int i = 0; i < ROUND_TRIPS; i++) {
                ping.send(box(i));
                checksum += pong.recv();
            }
            return checksum;
        });
    }

    @Benchmark
    public long jox() throws InterruptedException {
        return Driver.onVirtualThread(() -> {
            Channel<Integer> ping = Channel.newRendezvousChannel();
            Channel<Integer> pong = Channel.newRendezvousChannel();
            Thread partner = Driver.startVirtual(() -> {
                for (int i = 0; i < ROUND_TRIPS; i++) {
                    pong.send(box(ping.receive() + 1));
                }
            });
            long checksum = 0;
            for (int i = 0; i < ROUND_TRIPS; i++) {
                ping.send(box(i));
                checksum += pong.receive();
            }
            partner.join();
            return checksum;
        });
    }

    @Benchmark
    public long jdk() throws InterruptedException {
        return Driver.onVirtualThread(() -> {
            SynchronousQueue<Integer> ping = new SynchronousQueue<>();
            SynchronousQueue<Integer> pong = new SynchronousQueue<>();
            Thread partner = Driver.startVirtual(() -> {
                for (int i = 0; i < ROUND_TRIPS; i++) {
                    pong.put(box(ping.take() + 1));
                }
            });
            long checksum = 0;
            for (int i = 0; i < ROUND_TRIPS; i++) {
                ping.put(box(i));
                checksum += pong.take();
            }
            partner.join();
            return checksum;
        });
    }
}
