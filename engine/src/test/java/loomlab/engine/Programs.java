package loomlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import loomlab.engine.events.Traced;

/** Runs a program on the engine and keeps what it printed, or its events, for assertions. */
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

    /** Runs {@code main} on {@code procs} Ps, real mode and clock; checks it exits 0; returns its events. */
    static List<Traced> traced(int procs, Runnable main) {
        List<Traced> events = new CopyOnWriteArrayList<>();
        RunResult r = Runtime.builder().procs(procs).events(events::add).build().start(main);
        assertEquals(0, r.exitStatus(), r.report());
        return events;
    }
}
