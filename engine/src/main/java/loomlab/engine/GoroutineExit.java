package loomlab.engine;

/**
 * Unwinds a goroutine whose run has already ended (main returned, a panic, a deadlock). It is an
 * {@link Error} so that ordinary {@code catch (Exception e)} blocks in learner code let it pass.
 */
final class GoroutineExit extends Error {
    GoroutineExit() {
        super("goroutine stopped: its run has ended", null, false, false);
    }
}
