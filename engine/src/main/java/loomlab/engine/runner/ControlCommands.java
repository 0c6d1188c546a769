package loomlab.engine.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import loomlab.engine.RunController;

/**
 * The child's control channel: one command a line on its standard input.
 * <pre>
 * pause | resume | step | step &lt;goroutine id&gt; | delay &lt;millis&gt;   (deterministic runs)
 * stop                                                         (any run)
 * </pre>
 * {@code stop}, and the end of the input (the parent has gone), end the child at once with
 * {@link #STOPPED_STATUS}. A line that is not a command is reported on standard error and ignored.
 */
final class ControlCommands {
    /** The exit status of a child told to stop: 128 + SIGINT, as a shell reports an interrupted program. */
    static final int STOPPED_STATUS = 130;

    private final RunController controller;
    private final PrintStream err;
    private final Runnable stop;

    /**
     * @param controller the run's controller, or null in a real-mode run
     * @param stop       ends the child; does not return
     */
    ControlCommands(RunController controller, PrintStream err, Runnable stop) {
        this.controller = controller;
        this.err = err;
        this.stop = stop;
    }

    /** Reads {@code in} on a daemon thread until its end. */
    void start(InputStream in) {
        Thread.ofPlatform().daemon().name("loomlab-control").start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    execute(line.strip());
                }
            } catch (IOException e) {
                // Same as the end of the input.
            }
            stop.run();
        });
    }

    /** Carries out one command line. */
    void execute(String line) {
        String[] words = line.split("\\s+");
        if (words[0].isEmpty()) {
            return;
        }
        if (words[0].equals("stop") && words.length == 1) {
            stop.run();
            return;
        }
        if (controller == null) {
            err.println("loomlab: '" + line + "' ignored: only 'stop' controls a real-mode run");
            return;
        }
        try {
            switch (words.length == 1 ? words[0] : words.length == 2 ? words[0] + " _" : "") {
                case "pause" -> controller.pause();
                case "resume" -> controller.resume();
                case "step" -> controller.step();
                case "step _" -> controller.step(Long.parseLong(words[1]));
                case "delay _" -> controller.setDelay(Duration.ofMillis(Long.parseLong(words[1])));
                default -> unknown(line);
            }
        } catch (NumberFormatException e) {
            unknown(line);
        }
    }

    private void unknown(String line) {
        err.println("loomlab: unknown command '" + line + "' (pause, resume, step [goroutine], delay <millis>, stop)");
    }
}
