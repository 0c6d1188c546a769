package loomlab.engine;

/**
 * The platform thread of an M: the carrier on which the M mounts its goroutines. A goroutine
 * finds itself through it ({@link Goroutine#current()}): the carrier knows its M, and the M knows
 * the goroutine it is running. That saves each goroutine a thread-local map (136 bytes of every
 * parked goroutine).
 */
final class MachineThread extends Thread {
    final Machine machine;

    MachineThread(Machine machine, String name, Runnable loop) {
        super(null, loop, name, 0, false);
        this.machine = machine;
        setDaemon(true);
    }
}
