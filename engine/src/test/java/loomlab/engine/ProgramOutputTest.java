package loomlab.engine;

import static loomlab.engine.Go.go;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import loomlab.engine.events.Event;
import loomlab.engine.events.Traced;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgramOutputTest {

    @Test
    @DisplayName("System.out-style printing reaches the run's output and becomes Output events of the printing goroutine")
    void linesBecomeOutputEventsOfTheirGoroutine() {
        ByteArrayOutputStream outside = new ByteArrayOutputStream();
        PrintStream sysout = new PrintStream(new ProgramOutput(new PrintStream(outside, true, StandardCharsets.UTF_8)),
                true, StandardCharsets.UTF_8);
        ByteArrayOutputStream runOut = new ByteArrayOutputStream();
        List<Traced> events = new CopyOnWriteArrayList<>();
        Runtime.builder().mode(RunMode.DETERMINISTIC).events(events::add)
                .out(new PrintStream(runOut, true, StandardCharsets.UTF_8)).build().start(() -> {
                    sysout.println("from main");
                    Chan<Void> done = Chan.make();
                    go(() -> {
                        sysout.print("two ");
                        sysout.println("parts");
                        done.close();
                    });
                    done.recv();
                });
        sysout.println("outside any run");

        assertEquals("from main\ntwo parts\n", runOut.toString(StandardCharsets.UTF_8));
        assertEquals("outside any run\n", outside.toString(StandardCharsets.UTF_8));
        List<Event.Output> lines = events.stream().map(Traced::event).filter(Event.Output.class::isInstance)
                .map(Event.Output.class::cast).toList();
        assertEquals(List.of(new Event.Output(1, "from main"), new Event.Output(2, "two parts")), lines);
    }
}
