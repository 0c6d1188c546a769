package loomlab.visualizer.views;

import static loomlab.engine.Go.go;
import static loomlab.engine.Go.println;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import loomlab.engine.Chan;
import loomlab.engine.CancelContext;
import loomlab.engine.Context;
import loomlab.engine.RunMode;
import loomlab.engine.Runtime;
import loomlab.engine.Time;
import loomlab.engine.WaitGroup;
import loomlab.engine.events.Traced;
import loomlab.visualizer.model.RunModel;

/**
 * Runs recorded from real programs on the engine in deterministic mode (seed 3, two Ps), shared by
 * the view tests and screenshots: the same program gives the same events every time, so a test can
 * name a seq and know what the views show there.
 */
public final class CannedRuns {
    /** The seed every canned run uses. */
    public static final long SEED = 3;
    /** The Ps every canned run uses. */
    public static final int PROCS = 2;

    private CannedRuns() {
    }

    /**
     * One producer sends 6 ints on a buffered channel of 2; two consumers print what they receive
     * and take 1 ms (virtual) over each, so the buffer fills and the producer blocks on a send.
     */
    public static RunModel producerConsumer() {
        return RunModel.of(producerConsumerEvents());
    }

    /** The events of {@link #producerConsumer()}. */
    public static List<Traced> producerConsumerEvents() {
        return record(() -> {
            Chan<Integer> jobs = Chan.make(2);
            WaitGroup consumers = new WaitGroup();
            go("producer", () -> {
                for (int i = 1; i <= 6; i++) {
                    jobs.send(i);
                }
                jobs.close();
            });
            for (int c = 1; c <= 2; c++) {
                String name = "consumer-" + c;
                consumers.add(1);
                go(name, () -> {
                    for (Integer job : jobs) {
                        println(name, "got", job);
                        Time.sleep(Duration.ofMillis(1));
                    }
                    consumers.done();
                });
            }
            consumers.await();
            println("main: all done");
        });
    }

    /**
     * Three workers loop on a job channel until a context with a 50 ms timeout is done; each sleeps
     * 20 ms per job. Main waits on the context, so the run ends with a cancellation.
     */
    public static RunModel workersWithTimeout() {
        return RunModel.of(record(() -> {
            CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofMillis(50));
            Chan<Integer> jobs = Chan.make(2);
            WaitGroup workers = new WaitGroup();
            for (int w = 1; w <= 3; w++) {
                String name = "worker-" + w;
                workers.add(1);
                go(name, () -> {
                    boolean[] stop = {false};
                    while (!stop[0]) {
                        select(
                                recv(ctx.done(), () -> stop[0] = true),
                                recv(jobs, (Integer job) -> {
                                    Time.sleep(Duration.ofMillis(20));
                                    println(name, "did job", job);
                                }));
                    }
                    println(name, "stopped:", ctx.err());
                    workers.done();
                });
            }
            go("feeder", () -> {
                for (int i = 1; ; i++) {
                    boolean[] sent = {false};
                    select(
                            recv(ctx.done(), () -> { }),
                            loomlab.engine.Select.send(jobs, i, () -> sent[0] = true));
                    if (!sent[0]) {
                        return;
                    }
                }
            });
            workers.await();
            ctx.cancel();
            println("main: workers stopped");
        }));
    }

    /**
     * {@code n} goroutines, each printing one line then blocking on one of a few channels until
     * main closes them all: a crowd for the tables and lanes.
     */
    public static RunModel manyGoroutines(int n) {
        return RunModel.of(record(() -> {
            List<Chan<Integer>> gates = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                gates.add(Chan.make());
            }
            WaitGroup all = new WaitGroup();
            for (int i = 0; i < n; i++) {
                int id = i;
                all.go(() -> {
                    println("g", id, "waiting");
                    gates.get(id % gates.size()).recvOk();
                });
            }
            Time.sleep(Duration.ofMillis(1));
            gates.forEach(Chan::close);
            all.await();
        }));
    }

    /** The events of one deterministic run of {@code program}, its standard output discarded. */
    public static List<Traced> record(Runnable program) {
        List<Traced> events = Collections.synchronizedList(new ArrayList<>());
        Runtime.builder().mode(RunMode.DETERMINISTIC).seed(SEED).procs(PROCS)
                .events(events::add)
                .out(new PrintStream(new ByteArrayOutputStream()))
                .build().start(program);
        return List.copyOf(events);
    }
}
