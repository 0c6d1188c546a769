package loomlab.engine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a program on the virtual clock and keeps what it printed. */
final class VirtualPrograms {
    private VirtualPrograms() {
    }

    static Programs.Ran run(Runnable main) {
        return run(ClockMode.VIRTUAL, main);
    }

    static Programs.Ran run(ClockMode clock, Runnable main) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunResult r = Runtime.builder().clock(clock)
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                .build()
                .start(main);
        return new Programs.Ran(r, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Virtual time since the run started, Go-formatted. */
    static String elapsed(java.time.Instant start) {
        return Time.format(Time.since(start));
    }
}
