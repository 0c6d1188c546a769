package loomlab.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RunMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RunMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void runsTheBundledPingPongExample() {
        assertEquals(0, run("../examples/PingPong.java"), err.toString());
        assertEquals("ball is now 1\nball is now 2\nball is now 3\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDeadlockExampleExitsTwoWithGosDump() {
        assertEquals(2, run("../examples/Deadlock.java"));
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("fatal error: all goroutines are asleep - deadlock!", lines[0]);
        assertEquals("", lines[1]);
        assertEquals("goroutine 1 [chan send]:", lines[2]);
        assertEquals("Deadlock.main()", lines[3]);
        assertEquals("\tDeadlock.java:9", lines[4]);
    }

    @Test
    void aCompileErrorIsReportedAtItsLineAndExitsOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Broken.java");
        Files.writeString(file, "public class Broken {\n  public static void main(String[] a) {\n    int x = \"no\";\n  }\n}\n");
        assertEquals(1, run(file.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Broken.java:3: error: incompatible types"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileOrClassIsNamed() {
        assertEquals(1, run("NoSuchFile.java"));
        assertEquals("loomlab run: no such file: NoSuchFile.java\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(1, run("no.such.Clazz"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("loomlab run: no class named no.such.Clazz"));
    }

    @Test
    void aPanicInTheProgramExitsTwo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Boom.java");
        Files.writeString(file, """
                import static loomlab.engine.Go.*;
                public class Boom {
                    public static void main(String[] args) {
                        throw panic("boom " + args.length);
                    }
                }
                """);
        assertEquals(2, run(file.toString(), "x"));
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("panic: boom 1", lines[0]);
        assertEquals("goroutine 1 [running]:", lines[2]);
        assertEquals("Boom.main()", lines[3]);
        assertEquals("\tBoom.java:4", lines[4]);
    }
}
