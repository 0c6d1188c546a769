package loomlab.bench;

import static loomlab.bench.Payload.box;
import static loomlab.engine.Go.go;

import java.util.concurrent.TimeUnit;
import loomlab.engine.Chan;
import loomlab.engine.RunMode;
import loomlab.engine.Runtime;
import loomlab.engine.SchedulePolicy;
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
 * The engine's deterministic mode: one carrier runs one goroutine at a time, and the seeded
 * {@code policy} (RANDOM or PCT) picks the next goroutine at every engine operation. Each method
 * is one whole deterministic run of {@value #OPS} channel operations (a send and a receive count
 * one each), so the score in ops/µs is millions of engine operations per second (target: ≥ 1).
 * <ul>
 * <li>{@code producerConsumer}: one producer sends {@value #OPS}/2 values over a channel of
 *     capacity 16, the driver receives them.
 * <li>{@code pingPong}: the driver and a partner bounce a value over two unbuffered channels,
 *     {@value #OPS}/4 round trips (each round trip is two sends and two receives).
 * </ul>
 * Each invocation uses the next seed, so the runs are different schedules, not one schedule
 * replayed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(DeterministicOps.OPS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"-Xmx4g", "--add-opens=java.base/java.lang=ALL-UNNAMED"})
public class DeterministicOps {
    static final int OPS = 200_000;
    static final int CAPACITY = 16;

    @Param({"RANDOM", "PCT"})
    public SchedulePolicy policy;

    private long seed;

    @Benchmark
    public long producerConsumer() {
        int messages = OPS / 2;
        return Driver.onEngine(deterministic(), false, () -> {
            Chan<Integer> ch = Chan.make(CAPACITY);
            go(() -> {
                for (int i = 0; i < messages; i++) {
                    ch.send(box(i));
                }
            });
            long checksum = 0;
            for (int i = 0; i < messages; i++) {
                checksum += ch.recv();
            }
            return checksum;
        });
    }

    @Benchmark
    public long pingPong() {
        int roundTrips = OPS / 4;
        return Driver.onEngine(deterministic(), false, () -> {
            Chan<Integer> ping = Chan.make();
            Chan<Integer> pong = Chan.make();
            go(() -> {
                for (int i = 0; i < roundTrips; i++) {
                    pong.send(box(ping.recv() + 1));
                }
            });
            long checksum = 0;
            for (int i = 0; i < roundTrips; i++) {
                ping.send(box(i));
                checksum += pong.recv();
            }
            return checksum;
        });
    }

    private Runtime.Builder deterministic() {
        return Runtime.builder().recordCreators(false).mode(RunMode.DETERMINISTIC).policy(policy).seed(++seed);
    }
}
