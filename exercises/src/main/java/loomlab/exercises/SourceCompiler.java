package loomlab.exercises;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import loomlab.engine.Chan;
import loomlab.exercises.api.WorkerPool;
import loomlab.lessons.Text;

/**
 * Compiles one learner's file in memory with {@code javax.tools} and loads it in a class loader of
 * its own, whose parent is this module's: the learner's class sees the engine and the exercise
 * interfaces, and the grading tests see it through those interfaces. Nothing touches the disk.
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

    /** Compiles {@code source} as {@code <className>.java} (default package) and loads {@code className}. */
    static Result compile(String className, String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return new Result.Failed(new Text("This Java has no compiler: run LoomLab on a JDK, not a JRE.",
                    "这个 Java 没有编译器：请在 JDK（而不是 JRE）上运行 LoomLab。"));
        }
        String fileName = className + ".java";
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(name, n -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = List.of("-cp", classPath(), "-proc:none", "-Xlint:none", "-encoding", "UTF-8");
        boolean ok = javac.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
        if (!ok) {
            return new Result.Failed(messages(fileName, source, diagnostics.getDiagnostics()));
        }
        MemoryClassLoader loader = new MemoryClassLoader(classes);
        try {
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

    /** {@code File.java:12: error: ';' expected}, the line, and a caret under the column; per language. */
    private static Text messages(String fileName, String source, List<Diagnostic<? extends JavaFileObject>> all) {
        StringBuilder en = new StringBuilder();
        StringBuilder zh = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (Diagnostic<? extends JavaFileObject> d : all) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String where = d.getLineNumber() > 0 ? fileName + ":" + d.getLineNumber() + ": " : fileName + ": ";
            String context = context(lines, d);
            en.append(where).append("error: ").append(d.getMessage(Locale.ENGLISH)).append('\n').append(context);
            zh.append(where).append("错误: ").append(d.getMessage(Locale.SIMPLIFIED_CHINESE)).append('\n').append(context);
        }
        return new Text(en.toString().stripTrailing(), zh.toString().stripTrailing());
    }

    private static String context(String[] lines, Diagnostic<?> d) {
        long line = d.getLineNumber();
        if (line < 1 || line > lines.length) {
            return "";
        }
        String text = lines[(int) line - 1].replace("\r", "");
        long column = Math.max(1, Math.min(d.getColumnNumber(), text.length() + 1));
        return text + "\n" + " ".repeat((int) column - 1) + "^\n";
    }

    /** Defines the compiled classes from their bytes; everything else comes from the parent. */
    private static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, ByteArrayOutputStream> classes;

        MemoryClassLoader(Map<String, ByteArrayOutputStream> classes) {
            super("loomlab-submission", SourceCompiler.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            ByteArrayOutputStream bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] b = bytes.toByteArray();
            return defineClass(name, b, 0, b.length);
        }
    }
}
