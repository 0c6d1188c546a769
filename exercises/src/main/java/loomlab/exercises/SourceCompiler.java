package loomlab.exercises;

import java.io.File;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import loomlab.engine.Chan;
import loomlab.engine.runner.JavaSource;
import loomlab.exercises.api.WorkerPool;
import loomlab.lessons.Text;

/**
 * Compiles one learner's file in memory with the engine's {@link JavaSource} and loads it in a
 * class loader of its own, whose parent is this module's: the learner's class sees the engine and
 * the exercise interfaces, and the grading tests see it through those interfaces. Nothing touches
 * the disk.
 */
final class SourceCompiler {
    /** The compiled class, or the compiler's messages in both languages. */
    sealed interface Result {
        record Compiled(Class<?> type) implements Result {
        }

        record Failed(Text messages) implements Result {
        }
    }

    private SourceCompiler() {
    }

    /**
     * Compiles {@code source} as {@code <className>.java} (default package) and loads {@code className}.
     * A file that does not compile is compiled once more, for javac's Chinese messages.
     */
    static Result compile(String className, String source) {
        if (!JavaSource.compilerAvailable()) {
            return new Result.Failed(new Text("This Java has no compiler: run LoomLab on a JDK, not a JRE.",
                    "这个 Java 没有编译器：请在 JDK（而不是 JRE）上运行 LoomLab。"));
        }
        String fileName = className + ".java";
        JavaSource file = new JavaSource(className, source);
        List<String> options = List.of("-cp", classPath(), "-proc:none", "-Xlint:none");
        JavaSource.Compilation compiled = file.compile(options, Locale.ENGLISH);
        if (!compiled.ok()) {
            JavaSource.Compilation inChinese = file.compile(options, Locale.SIMPLIFIED_CHINESE);
            return new Result.Failed(new Text(messages(fileName, "error: ", compiled),
                    messages(fileName, "错误: ", inChinese)));
        }
        try {
            ClassLoader loader = compiled.classLoader("loomlab-submission", SourceCompiler.class.getClassLoader());
            return new Result.Compiled(Class.forName(className, true, loader));
        } catch (ClassNotFoundException e) {
            return new Result.Failed(new Text(fileName + " must declare a public class named " + className + ".",
                    fileName + " 必须声明一个名为 " + className + " 的 public 类。"));
        }
    }

    /**
     * This JVM's class path, plus where the engine, the lessons and the exercises were loaded from:
     * under a test runner or an IDE, {@code java.class.path} can be a launcher jar that names the
     * rest only in its manifest.
     */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (Class<?> c : List.of(Chan.class, WorkerPool.class, Text.class)) {
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            if (cs != null && cs.getLocation() != null) {
                try {
                    entries.add(Path.of(cs.getLocation().toURI()).toString());
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    // Not a file location: the class path must have it.
                }
            }
        }
        entries.remove("");
        return String.join(File.pathSeparator, entries);
    }

    /** {@code File.java:12: error: ';' expected}, the line, and a caret under the column, one error after another. */
    private static String messages(String fileName, String error, JavaSource.Compilation compiled) {
        StringBuilder text = new StringBuilder();
        for (JavaSource.Problem p : compiled.problems()) {
            if (!p.error()) {
                continue;
            }
            text.append(fileName).append(':').append(p.line() > 0 ? p.line() + ": " : " ")
                    .append(error).append(p.message()).append('\n');
            if (p.line() > 0) {
                long column = Math.max(1, Math.min(p.column(), p.sourceLine().length() + 1));
                text.append(p.sourceLine()).append('\n').append(" ".repeat((int) column - 1)).append("^\n");
            }
        }
        return text.toString().stripTrailing();
    }
}
