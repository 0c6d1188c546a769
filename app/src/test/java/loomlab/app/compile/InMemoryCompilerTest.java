package loomlab.app.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import loomlab.app.editor.Diagnostic;
import loomlab.engine.RunMode;
import loomlab.engine.RunResult;
import loomlab.engine.Runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryCompilerTest {
    @TempDir
    Path classes;

    private static final String PING_PONG = """
            import static loomlab.engine.Go.*;

            import loomlab.engine.Chan;

            public class PingPong {
                public static void main(String[] args) {
                    Chan<Integer> ping = Chan.make();
                    go("ponger", () -> ping.send(41 + 1));
                    println("got", ping.recv());
                }
            }
            """;

    @Test
    void aGoodProgramCompilesToAClassFileThatRunsOnTheEngine() throws Exception {
        CompileResult result = InMemoryCompiler.compile("PingPong", PING_PONG, classes);

        assertTrue(result.ok(), result.diagnostics().toString());
        assertEquals(List.of(), result.diagnostics());
        assertEquals(classes, result.classesDir());
        assertTrue(Files.exists(classes.resolve("PingPong.class")));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                InMemoryCompilerTest.class.getClassLoader())) {
            Method main = loader.loadClass("PingPong").getMethod("main", String[].class);
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            RunResult run = Runtime.builder().mode(RunMode.DETERMINISTIC).seed(1).procs(2).out(print).err(print)
                    .build().start(() -> {
                        try {
                            main.invoke(null, (Object) new String[0]);
                        } catch (ReflectiveOperationException e) {
                            throw new AssertionError(e);
                        }
                    });
            assertEquals(0, run.exitStatus());
        }
        assertEquals("got 42\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingSemicolonPointsAtTheEndOfTheStatement() {
        String source = """
                public class Semi {
                    public static void main(String[] args) {
                        int x = 1
                    }
                }
                """;

        CompileResult result = InMemoryCompiler.compile("Semi", source, classes, Locale.ENGLISH);

        assertEquals(List.of(new Diagnostic(3, 18, "';' expected", true)), result.diagnostics());
    }

    @Test
    void aFailedCompileLeavesNoClassFileOfAnEarlierOne() {
        assertTrue(InMemoryCompiler.compile("PingPong", PING_PONG, classes).ok());

        CompileResult broken = InMemoryCompiler.compile("PingPong", PING_PONG.replace("Chan<Integer>", "Chan<>"), classes);

        assertFalse(broken.ok());
        assertFalse(Files.exists(classes.resolve("PingPong.class")));
    }

    @Test
    void warningsDoNotStopTheCompile() {
        String source = """
                import java.util.*;
                public class Raw {
                    @SuppressWarnings("rawtypes")
                    static List keep = new ArrayList();
                    @Deprecated static void old() { }
                    public static void main(String[] args) { Thread.currentThread().stop(); }
                }
                """;

        CompileResult result = InMemoryCompiler.compile("Raw", source, classes, Locale.ENGLISH);

        assertTrue(result.ok(), result.diagnostics().toString());
        assertTrue(result.diagnostics().stream().noneMatch(Diagnostic::error), result.diagnostics().toString());
    }

    @Test
    void aClassDirectoryThatCannotBeMadeIsOneErrorNotAnException() throws Exception {
        Path file = classes.resolve("plain-file");
        Files.writeString(file, "");

        CompileResult result = InMemoryCompiler.compile("PingPong", PING_PONG, file.resolve("out"));

        assertFalse(result.ok());
        assertEquals(1, result.diagnostics().size());
        assertTrue(result.diagnostics().getFirst().error());
    }

    @Test
    void anErrorOnALineIndentedWithTabsIsMarkedAtItsCharacterNotAtJavacsColumn() {
        String source = "public class Tabs {\n\tvoid f() {\n\t\tint x = y;\n\t}\n}\n";

        CompileResult result = InMemoryCompiler.compile("Tabs", source, classes);

        assertFalse(result.ok());
        var error = result.diagnostics().getFirst();
        assertEquals(3, error.line());
        // javac says column 25 (two tabs reach column 17); the editor's line has 2 tabs, then "int x = ".
        assertEquals("\t\tint x = ".length() + 1, error.column());
    }

    @Test
    void javacsColumnsBecomeCharacterColumns() {
        assertEquals(1, InMemoryCompiler.characterColumn("\tx", 1));
        assertEquals(2, InMemoryCompiler.characterColumn("\tx", 9));
        assertEquals(4, InMemoryCompiler.characterColumn("ab\tx", 9));
        assertEquals(5, InMemoryCompiler.characterColumn("abcd", 5), "just past the end");
        assertEquals(3, InMemoryCompiler.characterColumn(null, 3), "no line: as javac said");
    }
}
