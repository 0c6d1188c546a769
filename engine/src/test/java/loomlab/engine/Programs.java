package loomlab.engine;

/** Runs a program on the engine and keeps what it printed, for assertions. */
final class Programs {
    private Programs() {
    }

    record Ran(RunResult result, String out, String err) {
        int exit() {
            return result.exitStatus();
        }
    }

    /** Runs {@code main} on the real clock; {@link VirtualPrograms} runs it on the virtual one. */
    static Ran run(Runnable main) {
        return VirtualPrograms.run(ClockMode.REAL, main);
    }
}
