package loomlab.lessons;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import loomlab.engine.ClockMode;
import loomlab.engine.RunResult;
import loomlab.engine.Runtime;
import loomlab.engine.events.Traced;

/**
 * One in-process run of an example with its stated seed, procs and mode, on the virtual clock:
 * what it printed, how it ended, and every event.
 */
record ExampleRun(List<String> output, String err, RunResult result, List<Traced> events) {

    static ExampleRun of(Example example) {
        Method main = InMemoryCompiler.compileMain(example.className(), example.source());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Traced> events = Collections.synchronizedList(new ArrayList<>());
        RunResult result = Runtime.builder().mode(example.mode()).clock(ClockMode.VIRTUAL).seed(example.seed())
                .procs(example.procs())
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                .events(events::add)
                .build()
                .start(() -> invoke(main));
        String text = out.toString(StandardCharsets.UTF_8);
        List<String> lines = text.isEmpty() ? List.of()
                : List.of((text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).split("\n", -1));
        return new ExampleRun(lines, err.toString(StandardCharsets.UTF_8), result, List.copyOf(events));
    }

    private static void invoke(Method main) {
        try {
            main.invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
