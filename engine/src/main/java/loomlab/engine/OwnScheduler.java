package loomlab.engine;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * What the schedulers of our own ({@link GmpScheduler}, {@link DeterministicScheduler}) share: the
 * hook's builder, and the map from the continuation the JDK hands {@link #execute} back to its
 * goroutine. A goroutine's continuation is one object for its whole life; the first time it
 * arrives is inside {@link #start}, on the starting thread, which is how it is recognised.
 */
abstract sealed class OwnScheduler extends Scheduler implements Executor permits GmpScheduler, DeterministicScheduler {
    final Runtime runtime;
    private final Thread.Builder.OfVirtual builder;
    private final ConcurrentHashMap<Runnable, Goroutine> byTask = new ConcurrentHashMap<>();
    private final ThreadLocal<Goroutine> starting = new ThreadLocal<>();

    OwnScheduler(Runtime runtime, Thread.Builder.OfVirtual builder) {
        this.runtime = runtime;
        this.builder = builder;
    }

    @Override
    final boolean ownsScheduling() {
        return true;
    }

    @Override
    Thread newThread(Goroutine g, Runnable body) {
        return builder.unstarted(body);
    }

    /**
     * Starts {@code g}'s thread; the JDK calls {@link #execute} with its continuation before
     * {@code start} returns, on this thread. The spawning goroutine (or, for a timer or the run's
     * first goroutine, a thread-local of the platform thread) says which goroutine that is.
     */
    @Override
    final void start(Goroutine g) {
        Goroutine parent = Goroutine.current();
        if (parent != null) {
            parent.starting = g;
        } else {
            starting.set(g);
        }
        try {
            g.thread.start();
        } finally {
            if (parent != null) {
                parent.starting = null;
            } else {
                starting.remove();
            }
        }
    }

    /** The live goroutines of the run: every one has a continuation here from its start to its end. */
    final Iterable<Goroutine> live() {
        return byTask.values();
    }

    @Override
    final void exited(Goroutine g) {
        if (g.task != null) {
            byTask.remove(g.task);
        }
    }

    /** The JDK's call: {@code task} is runnable now. */
    @Override
    public final void execute(Runnable task) {
        Goroutine g = byTask.get(task);
        if (g == null) {
            Goroutine parent = Goroutine.current();
            g = parent != null ? parent.starting : starting.get();
            if (g != null && g.task == null) {
                g.task = task;
                byTask.put(task, g);
            } else {
                // A continuation we do not know (cannot happen for goroutines): run it anyway.
                g = new Goroutine(0, "?", runtime, 0, null);
                g.task = task;
            }
        }
        ready(g);
    }

    /** Puts a runnable goroutine where this scheduler will find it. */
    abstract void ready(Goroutine g);
}
