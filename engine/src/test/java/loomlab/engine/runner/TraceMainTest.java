package loomlab.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loomlab.engine.events.TraceReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class TraceMainTest {
    @TempDir
    Path dir;
    private Path run;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void recordPingPong() {
        run = dir.resolve("pingpong.run");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, RunMain.run(new String[] {"--mode", "deterministic", "--seed", "7", "--trace", run.toString(),
                "../examples/PingPong.java"}, quiet, quiet));
    }

    private int trace(String... args) {
        return TraceMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void exportWritesPerfettoJson() throws IOException {
        Path json = dir.resolve("pingpong.json");
        assertEquals(0, trace("export", run.toString(), json.toString()), err.toString(StandardCharsets.UTF_8));
        String text = Files.readString(json);
        assertTrue(text.contains("\"traceEvents\":["), text);
        assertTrue(text.contains("\"seed\":\"7\""), "the settings are the export's otherData");
        int events = TraceReader.read(run).events().size();
        assertEquals("exported the run's " + events + " events to " + json + " (open it in ui.perfetto.dev)\n",
                out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void exportCanSpaceEventsByTheClock() throws IOException {
        Path json = dir.resolve("clock.json");
        assertEquals(0, trace("export", "--axis", "clock", run.toString(), json.toString()));
        assertTrue(Files.readString(json).contains("\"traceEvents\":["));
        assertEquals(2, trace("export", "--axis", "wall", run.toString(), json.toString()));
        assertEquals("loomlab trace: --axis must be clock or sequence, not 'wall'\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printShowsTheSettingsThenOneLinePerEvent() {
        assertEquals(0, trace("print", run.toString()));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("program: PingPong.java", lines.get(0));
        assertEquals("mode: deterministic", lines.get(1));
        int blank = lines.indexOf("");
        assertEquals("     1     0.000000s  G0   P0  M0  MStart[m=0]", lines.get(blank + 1));
        assertEquals("     2     0.000000s  G0   P-  M-  GoCreate[g=1, parent=0, name=main]", lines.get(blank + 2));
        assertTrue(lines.getLast().contains("Exit[status=0, report=]"), lines.getLast());
        assertTrue(lines.stream().anyMatch(l -> l.contains("Output[g=1, text=ball is now 3]") && l.endsWith("PingPong.java:19")),
                String.join("\n", lines));
    }

    @Test
    void aFileThatIsNoRunIsNamed() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.run"), "hello");
        assertEquals(1, trace("print", junk.toString()));
        assertEquals("loomlab trace: not a LoomLab trace file: it does not start with LOOMTRC\n",
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(1, trace("export", junk.toString(), dir.resolve("x.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("loomlab trace: " + junk + ": not a LoomLab trace"));
    }

    @Test
    void aBadCommandLineExitsTwo() {
        assertEquals(2, trace());
        assertEquals(2, trace("export", run.toString()));
        assertEquals(2, trace("show", run.toString()));
    }
}
