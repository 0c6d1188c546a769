package loomlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import loomlab.engine.events.Event;

/**
 * One carrier, one goroutine at a time, and a seeded policy that picks who runs at every switch
 * point. Every engine operation is a switch point ({@link #switchPoint}); the clock is virtual;
 * select's random choices come from the same seed. So the same program, seed and settings give the
 * same run, event for event: the ground for stepping, replay and grading across many schedules.
 *
 * <h2>How a switch happens</h2>
 * At a switch point the running goroutine asks the policy for the next goroutine among itself and
 * the runnable ones. If the policy picks another, the running goroutine records that choice and
 * yields; the JDK hands its continuation back to {@link #execute}, and the carrier's loop runs the
 * chosen one. A goroutine that parks returns to the loop the same way, and the policy picks next.
 *
 * <p>Guarded by {@code this}: {@code runnable}, {@code forced}, {@code steps}. The policy's random
 * source is used only by the goroutine running (one at a time) or the carrier, never both at once.
 */
final class DeterministicScheduler extends OwnScheduler {
    /** PCT: how many priority change points, and over how many steps they are spread. */
    private static final int PCT_DEPTH = 3;
    private static final int PCT_HORIZON = 2_000;

    private final SchedulePolicy policy;
    final Random random;
    private final RunController controller;
    private final List<Goroutine> runnable = new ArrayList<>();
    private final int[] changePoints;
    private Goroutine forced;
    private long steps;
    private int nextLowPriority;
    private volatile boolean shutdown;
    private final Thread carrier;
    /**
     * The one P and the one M of a deterministic run, as the views draw them: every runnable
     * goroutine waits in P0's queue (the policy may take any of them), and M0 runs them.
     */
    private final Processor processor = new Processor(0, null); // only to be an M's P; its queue stays empty
    private final Machine machine = new Machine(0);

    private DeterministicScheduler(Runtime runtime, SchedulePolicy policy, long seed, RunController controller) {
        super(runtime);
        this.policy = policy;
        this.random = new Random(seed);
        this.controller = controller;
        this.changePoints = new int[PCT_DEPTH - 1];
        for (int i = 0; i < changePoints.length; i++) {
            changePoints[i] = 1 + random.nextInt(PCT_HORIZON);
        }
        this.carrier = new MachineThread(machine, "loomlab-deterministic", this::loop);
        machine.p = processor;
        if (runtime.tracing) {
            runtime.emit(null, 0, 0, new Event.MStart(0));
        }
        carrier.start();
    }

    static DeterministicScheduler create(Runtime runtime, SchedulePolicy policy, long seed, RunController controller) {
        return hookAvailable() ? new DeterministicScheduler(runtime, policy, seed, controller) : null;
    }

    @Override
    Thread newThread(Goroutine g, Runnable body) {
        g.priority = PCT_DEPTH + random.nextInt(1 << 20);
        return super.newThread(g, body);
    }

    @Override
    void ready(Goroutine g) {
        synchronized (this) {
            runnable.add(g);
            if (runtime.tracing) { // before the carrier can take it, so the pop follows the push
                runtime.emit(Goroutine.current(), 0, 0, new Event.RunqPush(0, g.id, false));
            }
            notifyAll();
        }
    }

    @Override
    void switchPoint(Goroutine g) {
        Goroutine next;
        synchronized (this) {
            steps++;
            if (runnable.isEmpty() && (controller == null || !controller.stepping())) {
                return;
            }
            next = choose(g);
            forced = next == g ? null : next;
        }
        if (next != g || (controller != null && controller.stepping())) {
            Thread.yield();
        }
    }

    /** The policy's choice among {@code current} (may be null) and the runnable goroutines. Lock held. */
    private Goroutine choose(Goroutine current) {
        int n = runnable.size() + (current != null ? 1 : 0);
        if (policy == SchedulePolicy.RANDOM) {
            int i = random.nextInt(n);
            return i < runnable.size() ? runnable.get(i) : current;
        }
        for (int cp : changePoints) {
            if (cp == steps && current != null) {
                current.priority = nextLowPriority++ % PCT_DEPTH;
            }
        }
        Goroutine best = current;
        for (Goroutine g : runnable) {
            if (best == null || g.priority > best.priority) {
                best = g;
            }
        }
        return best;
    }

    /** The carrier: wait for a runnable goroutine, let the controller and policy pick, run it. */
    private void loop() {
        for (;;) {
            Goroutine g;
            synchronized (this) {
                while (runnable.isEmpty() && !shutdown) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (runnable.isEmpty()) {
                    return;
                }
            }
            long picked = controller == null ? 0 : controller.beforeDispatch(ids(), runtime::isOver);
            synchronized (this) {
                g = null;
                if (picked != 0) {
                    for (Goroutine r : runnable) {
                        if (r.id == picked) {
                            g = r;
                        }
                    }
                }
                if (g == null && forced != null && runnable.contains(forced)) {
                    g = forced;
                }
                forced = null;
                if (g == null) {
                    g = choose(null);
                }
                runnable.remove(g);
                if (runtime.tracing) {
                    runtime.emit(null, 0, 0, new Event.RunqPop(0, g.id, false));
                }
            }
            g.m = machine;
            machine.current = g;
            machine.opNanos = 0;
            g.task.run();
            machine.current = null;
        }
    }

    private synchronized List<Long> ids() {
        List<Long> ids = new ArrayList<>(runnable.size());
        for (Goroutine g : runnable) {
            ids.add(g.id);
        }
        return ids;
    }

    @Override
    void shutdown() {
        synchronized (this) {
            shutdown = true;
            notifyAll();
        }
        if (controller != null) {
            controller.wakeForEnd();
        }
    }
}
