package loomlab.bench;

import static loomlab.bench.Payload.box;
import static loomlab.engine.Go.go;

import com.softwaremill.jox.Channel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import loomlab.engine.Chan;
import loomlab.engine.Go;
import loomlab.engine.Runtime;

/**
 * One round of workload (d) for one peer: spawn {@code n} goroutines that each count down a
 * {@code ready} latch and then block receiving on ONE shared unbuffered channel; once all are
 * ready, sample memory (untimed); then release them all, by {@code n} sends or by one close, and
 * wait until every one has counted down {@code done}. The latches are plain
 * {@link CountDownLatch}es in all three peers, as Go's anchor uses a {@code sync.WaitGroup}; the
 * engine sees them as it sees a syscall, so they never look like a deadlock.
 *
 * <p>"Spawned" ends when the last goroutine counted down {@code ready}, just before its receive;
 * the 50 ms pause before sampling lets the last ones park.
 *
 * @param spawnMs   from the first spawn until all were ready
 * @param releaseMs from the first send (or the close) until all were done
 * @param heapDelta heap in use after GC with all of them parked, minus before spawning
 * @param rssDelta  resident set with all of them parked, minus before spawning
 */
record BlockedRound(double spawnMs, double releaseMs, long heapDelta, long rssDelta) {

    /** How the parked receivers are released. */
    enum Release { SEND, CLOSE }

    private static final long SETTLE_MILLIS = 50;

    /** The engine, on its own G-M-P scheduler or ({@code jdkScheduler}) on the JDK's. */
    static BlockedRound loomlab(int n, Release release, boolean jdkScheduler) {
        BlockedRound[] round = new BlockedRound[1];
        Runtime.Builder builder = Runtime.builder().recordCreators(false);
        if (jdkScheduler) {
            builder.jdkScheduler();
        }
        Driver.onEngine(builder, !jdkScheduler, () -> {
            Sampler s = new Sampler(n);
            Chan<Integer> ch = Chan.make();
            for (int i = 0; i < n; i++) {
                go(() -> {
                    s.ready.countDown();
                    Integer v = ch.recv();
                    s.received(v);
                });
            }
            s.awaitReady();
            if (release == Release.CLOSE) {
                ch.close();
            } else {
                for (int i = 0; i < n; i++) {
                    ch.send(box(i));
                }
            }
            round[0] = s.awaitDone();
            // Untimed: let the released goroutines exit, so that the run ends with no leaks to list.
            while (Go.numGoroutine() > 1) {
                sleep(1);
            }
            return 0;
        });
        return round[0];
    }

    static BlockedRound jox(int n, Release release) throws InterruptedException {
        BlockedRound[] round = new BlockedRound[1];
        Driver.onVirtualThread(() -> {
            Sampler s = new Sampler(n);
            Channel<Integer> ch = Channel.newRendezvousChannel();
            for (int i = 0; i < n; i++) {
                Driver.startVirtual(() -> {
                    s.ready.countDown();
                    Object v = ch.receiveOrClosed();
                    s.received(v instanceof Integer value ? value : null);
                });
            }
            s.awaitReady();
            if (release == Release.CLOSE) {
                ch.done(); // recursive over Jox's segments: may throw StackOverflowError
            } else {
                for (int i = 0; i < n; i++) {
                    ch.send(box(i));
                }
            }
            round[0] = s.awaitDone();
            return 0;
        });
        return round[0];
    }

    /** The JDK peer: a {@link SynchronousQueue} cannot be closed, so it is released by sends only. */
    static BlockedRound jdk(int n) throws InterruptedException {
        BlockedRound[] round = new BlockedRound[1];
        Driver.onVirtualThread(() -> {
            Sampler s = new Sampler(n);
            SynchronousQueue<Integer> q = new SynchronousQueue<>();
            for (int i = 0; i < n; i++) {
                Driver.startVirtual(() -> {
                    s.ready.countDown();
                    s.received(q.take());
                });
            }
            s.awaitReady();
            for (int i = 0; i < n; i++) {
                q.put(box(i));
            }
            round[0] = s.awaitDone();
            return 0;
        });
        return round[0];
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException("the driver is never interrupted", e);
        }
    }

    /** The latches, the clock and the memory samples of one round; used by its driver in this order. */
    private static final class Sampler {
        final CountDownLatch ready;
        final CountDownLatch done;
        final AtomicLong checksum = new AtomicLong();
        final long heapBefore = ProcessMemory.heapUsedAfterGc();
        final long rssBefore = ProcessMemory.residentBytes();
        final long start = System.nanoTime();
        long spawned;
        long heapParked;
        long rssParked;
        long releaseStart;

        Sampler(int n) {
            ready = new CountDownLatch(n);
            done = new CountDownLatch(n);
        }

        void received(Integer v) {
            if (v != null && v < 0) {
                checksum.incrementAndGet(); // never: keeps the receive's result alive
            }
            done.countDown();
        }

        void awaitReady() {
            await(ready);
            spawned = System.nanoTime();
            sleep(SETTLE_MILLIS);
            heapParked = ProcessMemory.heapUsedAfterGc();
            rssParked = ProcessMemory.residentBytes();
            releaseStart = System.nanoTime();
        }

        BlockedRound awaitDone() {
            await(done);
            long end = System.nanoTime();
            return new BlockedRound((spawned - start) / 1e6, (end - releaseStart) / 1e6,
                    heapParked - heapBefore, rssParked - rssBefore);
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException("the driver is never interrupted", e);
            }
        }
    }
}
