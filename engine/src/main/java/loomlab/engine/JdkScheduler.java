package loomlab.engine;

/** The JDK's own virtual-thread scheduler: the fallback when our hook is not available. */
final class JdkScheduler extends Scheduler {
    @Override
    Thread newThread(Goroutine g, Runnable body) {
        return Thread.ofVirtual().unstarted(body);
    }

    @Override
    void start(Goroutine g) {
        g.thread.start();
    }

    @Override
    boolean ownsScheduling() {
        return false;
    }
}
