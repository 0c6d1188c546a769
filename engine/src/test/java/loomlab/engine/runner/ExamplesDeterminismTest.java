package loomlab.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import loomlab.engine.events.Trace;
import loomlab.engine.events.TraceReader;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example program of the repository: same seed, the identical event sequence, twice. */
@Timeout(120)
class ExamplesDeterminismTest {
    @TempDir
    Path dir;

    static Stream<Path> examples() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("../examples"))) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no examples found");
        return files.stream();
    }

    private Trace traced(Path program, String seed, String name) throws IOException {
        Path run = dir.resolve(name);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        RunMain.run(new String[] {"--mode", "deterministic", "--seed", seed, "--trace", run.toString(),
                program.toString()}, quiet, quiet);
        return TraceReader.read(run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void sameSeedGivesTheSameEventsTwice(Path program) throws IOException {
        Trace a = traced(program, "7", "a.run");
        Trace b = traced(program, "7", "b.run");
        assertNotEquals(0, a.events().size());
        assertEquals(a.events().size(), b.events().size());
        for (int i = 0; i < a.events().size(); i++) {
            assertEquals(a.events().get(i), b.events().get(i), "event " + (i + 1) + " of " + program);
        }
    }
}
