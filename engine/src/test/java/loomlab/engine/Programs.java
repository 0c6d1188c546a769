package loomlab.engine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a program on the engine and keeps what it printed, for assertions. */
final class Programs {
    private Programs() {
    }

    record Ran(RunResult result, String out, String err) {
        int exit() {
            return result.exitStatus();
        }
    }

    static Ran run(Runnable main) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunResult r = Runtime.builder()
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                .build()
                .start(main);
        return new Ran(r, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
