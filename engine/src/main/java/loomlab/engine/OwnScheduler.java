package loomlab.engine;

/**
 * What the schedulers of our own ({@link GmpScheduler}, {@link DeterministicScheduler}) share.
 * Each goroutine's virtual thread is built with the goroutine itself as its scheduler
 * ({@link Goroutine#execute}): when the JDK hands over the continuation of a goroutine that has
 * become runnable, it hands it to that goroutine, which passes itself to {@link #ready}. So no map
 * from continuations back to goroutines is kept or looked up on a wake-up.
 */
abstract sealed class OwnScheduler extends Scheduler permits GmpScheduler, DeterministicScheduler {
    final Runtime runtime;

    OwnScheduler(Runtime runtime) {
        this.runtime = runtime;
    }

    @Override
    final boolean ownsScheduling() {
        return true;
    }

    @Override
    Thread newThread(Goroutine g, Runnable body) {
        Thread.Builder.OfVirtual b = builder(g);
        if (b == null) {
            throw new IllegalStateException("the JDK's virtual-thread scheduler hook is no longer available");
        }
        return b.unstarted(body);
    }

    @Override
    final void start(Goroutine g) {
        g.thread.start();
    }

    /** Puts a runnable goroutine where this scheduler will find it. */
    abstract void ready(Goroutine g);
}
