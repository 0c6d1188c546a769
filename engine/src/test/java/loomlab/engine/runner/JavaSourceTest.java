package loomlab.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import loomlab.engine.RunMode;
import loomlab.engine.RunResult;
import loomlab.engine.Runtime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class JavaSourceTest {
    /** Squares three numbers in a goroutine and sums them over a buffered channel. */
    private static final String SQUARES = """
            import static loomlab.engine.Go.*;

            import loomlab.engine.Chan;

            public class Squares {
                public static void main(String[] args) {
                    Chan<Integer> squares = Chan.make(3);
                    go("squarer", () -> {
                        for (int n = 1; n <= 3; n++) {
                            squares.send(n * n);
                        }
                        squares.close();
                    });
                    int sum = 0;
                    for (int square : squares) {
                        sum += square;
                    }
                    println("sum", sum);
                }
            }
            """;

    private static final String BROKEN = """
            public class Broken {
                public static void main(String[] args) {
                    int x = "text";
                    undefinedMethod(x);
                }
            }
            """;

    /** A deprecated-for-removal call: a warning javac always gives, whatever -Xlint says. */
    private static final String WARNS = """
            public class Warns {
                public static void main(String[] args) {
                    Thread.currentThread().stop();
                }
            }
            """;

    @Test
    void aGoodProgramLoadsAndRunsOnTheEngine() throws Exception {
        JavaSource.Compilation compiled = new JavaSource("Squares", SQUARES).compile("-proc:none");

        assertTrue(compiled.ok(), compiled.problems().toString());
        assertEquals(List.of(), compiled.problems());
        assertEquals(Set.of("Squares"), compiled.classes().keySet(), "the lambda is a method, not a class");
        Method main = compiled.classLoader(getClass().getClassLoader()).loadClass("Squares")
                .getMethod("main", String[].class);
        assertEquals("sum 14\n", run(main));
    }

    @Test
    void twoMistakesAreTwoErrorsAtTheirLinesAndColumnsWithTheirSourceLines() {
        JavaSource.Compilation compiled = new JavaSource("Broken", BROKEN).compile(List.of(), Locale.ENGLISH);

        assertFalse(compiled.ok());
        assertEquals(Set.of(), compiled.classes().keySet());
        assertEquals(2, compiled.problems().size(), compiled.problems().toString());
        JavaSource.Problem first = compiled.problems().get(0);
        JavaSource.Problem second = compiled.problems().get(1);
        assertEquals(List.of(3L, 17L, true, "        int x = \"text\";"),
                List.of(first.line(), first.column(), first.error(), first.sourceLine()));
        assertTrue(first.message().startsWith("incompatible types"), first.message());
        assertEquals(List.of(4L, 9L, true, "        undefinedMethod(x);"),
                List.of(second.line(), second.column(), second.error(), second.sourceLine()));
        assertTrue(second.message().startsWith("cannot find symbol"), second.message());
    }

    @Test
    void aWarningLetsTheCompileSucceed() {
        JavaSource.Compilation compiled = new JavaSource("Warns", WARNS).compile(List.of(), Locale.ENGLISH);

        assertTrue(compiled.ok(), compiled.problems().toString());
        assertEquals(Set.of("Warns"), compiled.classes().keySet());
        assertEquals(1, compiled.problems().size(), compiled.problems().toString());
        JavaSource.Problem warning = compiled.problems().getFirst();
        assertFalse(warning.error());
        assertEquals(3, warning.line());
        assertTrue(warning.message().contains("deprecated and marked for removal"), warning.message());
    }

    @Test
    void underWerrorAWarningFailsTheCompileWithAnErrorAtNoLine() {
        JavaSource.Compilation compiled = new JavaSource("Warns", WARNS).compile(List.of("-Werror"), Locale.ENGLISH);

        assertFalse(compiled.ok());
        assertEquals(Set.of(), compiled.classes().keySet());
        assertEquals(List.of(false, true), compiled.problems().stream().map(JavaSource.Problem::error).toList());
        JavaSource.Problem werror = compiled.problems().get(1);
        assertEquals(new JavaSource.Problem(0, 0, "warnings found and -Werror specified", true, ""), werror);
    }

    @Test
    void chineseMessagesComeWithLocaleChinese() {
        JavaSource.Compilation compiled = new JavaSource("Broken", BROKEN).compile(List.of(), Locale.CHINESE);

        assertEquals(2, compiled.problems().size(), compiled.problems().toString());
        assertTrue(compiled.problems().get(0).message().startsWith("不兼容的类型"), compiled.problems().toString());
        assertTrue(compiled.problems().get(1).message().startsWith("找不到符号"), compiled.problems().toString());
    }

    @Test
    void aClassInAPackageWithANestedClassIsWrittenUnderItsPackageDirectory(@TempDir Path dir) throws Exception {
        String source = "package demo; public class Outer { static class Inner { } }";

        JavaSource.Compilation compiled = new JavaSource("Outer", source).compile();
        compiled.writeTo(dir);

        assertEquals(Set.of("demo.Outer", "demo.Outer$Inner"), compiled.classes().keySet());
        assertTrue(Files.isRegularFile(dir.resolve("demo/Outer.class")));
        assertTrue(Files.isRegularFile(dir.resolve("demo/Outer$Inner.class")));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertEquals("demo.Outer$Inner", loader.loadClass("demo.Outer$Inner").getName());
        }
    }

    @Test
    void aFileNameThatIsNoClassNameIsJavacsErrorNotAnException() {
        JavaSource.Compilation compiled = new JavaSource("my file", "public class Mine { }").compile(List.of(), Locale.ENGLISH);

        assertFalse(compiled.ok());
        assertTrue(compiled.problems().getFirst().message().contains("should be declared in a file named Mine.java"),
                compiled.problems().toString());
    }

    @Test
    void theClassPathGivenInTheOptionsReplacesThisJvms() {
        JavaSource.Compilation compiled = new JavaSource("Squares", SQUARES)
                .compile(List.of("-cp", ""), Locale.ENGLISH);

        assertFalse(compiled.ok());
        assertTrue(compiled.problems().getFirst().message().startsWith("package loomlab.engine does not exist"),
                compiled.problems().toString());
    }

    @Test
    void withoutACompilerTheCompileIsOneProblemNotAnException() throws Exception {
        // A JVM limited to javax.tools' API (java.compiler), without javac itself (jdk.compiler): a JRE, in effect.
        String classPath = location(JavaSource.class) + File.pathSeparator + location(JavaSourceTest.class);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--limit-modules", "java.compiler", "-cp", classPath, WithoutCompiler.class.getName())
                .redirectErrorStream(true).start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, child.waitFor(), printed);
        assertEquals("available false\nok false\n" + new JavaSource.Problem(0, 0, JavaSource.NO_COMPILER, true, "")
                + "\n", printed);
    }

    /** Run in a JVM without javac by {@link #withoutACompilerTheCompileIsOneProblemNotAnException}. */
    static final class WithoutCompiler {
        public static void main(String[] args) {
            JavaSource.Compilation compiled = new JavaSource("Squares", SQUARES).compile();
            System.out.println("available " + JavaSource.compilerAvailable());
            System.out.println("ok " + compiled.ok());
            compiled.problems().forEach(System.out::println);
        }
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String run(Method main) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        RunResult result = Runtime.builder().mode(RunMode.DETERMINISTIC).seed(1).procs(2).out(print).err(print)
                .build().start(() -> {
                    try {
                        main.invoke(null, (Object) new String[0]);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                });
        assertEquals(0, result.exitStatus(), out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
