package loomlab.engine.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * One Java source file held in memory, and the one place LoomLab compiles such a file with
 * {@code javax.tools}: {@code ./loomlab run File.java}, the workbench's Run button, the exercise
 * grader and the lesson tests all come here.
 *
 * <p>Why one place: the four used to set up javac each in their own way, and drifted apart in
 * the details a learner sees (which class path, where line and column come from, what a missing
 * compiler does). Here the source is read from memory and the class files stay in memory; the
 * caller decides what happens to them: load them ({@link Compilation#classLoader}) or write them
 * for a child JVM ({@link Compilation#writeTo}). Mistakes in the code are {@link Problem}s, never
 * exceptions, and so is a runtime without a compiler (a JRE).
 *
 * <p>The class path is this JVM's {@code java.class.path} unless the options name one
 * ({@code -cp}, {@code -classpath}, {@code --class-path}), so the learner's code sees the engine.
 * Nothing else is implied: the caller passes {@code --release}, {@code -g}, {@code -proc:none},
 * {@code -Werror} and the like as it needs them.
 *
 * <p>Each call sets up its own file manager, so calls may run concurrently. The first call in a
 * JVM is slow (javac loads, about a second).
 *
 * @param className the top-level class the file is named after: the file is {@code className.java}
 * @param text      the file's text
 */
public record JavaSource(String className, String text) {
    /** The one problem of a compile when this runtime has no compiler. */
    public static final String NO_COMPILER =
            "This Java runtime has no compiler (javax.tools): run LoomLab on a JDK 25, not a JRE.";

    public JavaSource {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(text, "text");
    }

    /** Whether this runtime has a system Java compiler: false on a JRE or a trimmed image. */
    public static boolean compilerAvailable() {
        return ToolProvider.getSystemJavaCompiler() != null;
    }

    /** {@link #compile(List, Locale)} with javac's messages in its own default language (English). */
    public Compilation compile(String... options) {
        return compile(List.of(options), Locale.ROOT);
    }

    /**
     * Compiles this file with javac's {@code options}; its messages are in {@code locale} where
     * javac has that language (Chinese, Japanese, German), otherwise in English. {@code Locale.CHINESE}
     * means javac's Chinese ({@code zh_CN}).
     */
    public Compilation compile(List<String> options, Locale locale) {
        if (locale.getLanguage().equals("zh") && locale.getCountry().isEmpty() && locale.getScript().isEmpty()) {
            locale = Locale.SIMPLIFIED_CHINESE; // javac's Chinese is zh_CN only, which plain "zh" would not find
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return new Compilation(Map.of(), List.of(new Problem(0, 0, NO_COMPILER, true, "")));
        }
        DiagnosticCollector<JavaFileObject> collected = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> written = new LinkedHashMap<>();
        boolean compiled;
        try (JavaFileManager files = new ClassesInMemory(javac.getStandardFileManager(collected, locale, null), written)) {
            compiled = javac.getTask(null, files, collected, withClassPath(options), null, List.of(new SourceInMemory()))
                    .call();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // closing a file manager that only read jars from the class path
        }
        List<Problem> problems = problems(collected.getDiagnostics(), locale);
        if (!compiled) {
            if (problems.stream().noneMatch(Problem::error)) {
                problems.add(new Problem(0, 0, "javac failed and gave no error", true, ""));
            }
            return new Compilation(Map.of(), problems); // javac may have written some classes: none of them counts
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        written.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return new Compilation(classes, problems);
    }

    private static List<String> withClassPath(List<String> options) {
        boolean named = options.stream().anyMatch(o -> o.equals("-cp") || o.equals("-classpath")
                || o.equals("--class-path") || o.startsWith("--class-path="));
        if (named) {
            return options;
        }
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of("-classpath", System.getProperty("java.class.path", "")));
        return all;
    }

    /** Errors and warnings in javac's order; notes ("Some input files use unchecked operations") mark nothing. */
    private List<Problem> problems(List<Diagnostic<? extends JavaFileObject>> diagnostics, Locale locale) {
        String[] lines = text.split("\n", -1);
        List<Problem> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            boolean error = d.getKind() == Diagnostic.Kind.ERROR;
            boolean warning = d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING;
            if (!error && !warning) {
                continue;
            }
            long line = Math.max(0, d.getLineNumber());
            long column = line == 0 ? 0 : Math.max(1, d.getColumnNumber());
            String source = line == 0 || line > lines.length ? "" : lines[(int) line - 1].replace("\r", "");
            problems.add(new Problem(line, column, d.getMessage(locale), error, source));
        }
        return problems;
    }

    /**
     * What javac said about a line of the source.
     *
     * @param line       1-based; 0 when the problem is not at a line (a missing compiler, {@code -Werror})
     * @param column     1-based, as javac counts (a tab moves to the next multiple of 8); 0 when {@code line} is
     * @param message    javac's message, in the language asked for
     * @param error      an error (true) or a warning (false)
     * @param sourceLine the text of that line, without its line end; empty when {@code line} is 0
     */
    public record Problem(long line, long column, String message, boolean error, String sourceLine) {
    }

    /**
     * What a compile gave: the classes when there was no error, and every error and warning.
     *
     * @param classes  class files by binary name ({@code Outer$Inner}), in the order javac wrote
     *                 them; empty when there was an error
     * @param problems errors and warnings, in javac's order
     */
    public record Compilation(Map<String, byte[]> classes, List<Problem> problems) {
        public Compilation {
            classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
            problems = List.copyOf(problems);
        }

        /** Whether the source compiled: no errors (warnings allowed, unless {@code -Werror} made them one). */
        public boolean ok() {
            return problems.stream().noneMatch(Problem::error);
        }

        /** {@link #classLoader(String, ClassLoader)} without a name. */
        public ClassLoader classLoader(ClassLoader parent) {
            return classLoader(null, parent);
        }

        /**
         * A new class loader that defines these classes, and asks {@code parent} for all others
         * (the engine, the JDK). Stack traces show its {@code name}, if not null, before each
         * of the compiled classes.
         */
        public ClassLoader classLoader(String name, ClassLoader parent) {
            return new ClassesLoader(name, parent, classes);
        }

        /** Writes each class to {@code dir/<package path>/<name>.class}, making directories as needed. */
        public void writeTo(Path dir) throws IOException {
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                Path file = dir.resolve(c.getKey().replace('.', '/') + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, c.getValue());
            }
        }
    }

    /** The source as javac's file {@code <className>.java}; any name is quoted, javac judges it. */
    private final class SourceInMemory extends SimpleJavaFileObject {
        SourceInMemory() {
            super(uri("string", className + Kind.SOURCE.extension), Kind.SOURCE);
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** The standard file manager, except that class files go to {@code written}, by binary name. */
    private static final class ClassesInMemory extends ForwardingJavaFileManager<JavaFileManager> {
        private final Map<String, ByteArrayOutputStream> written;

        ClassesInMemory(JavaFileManager standard, Map<String, ByteArrayOutputStream> written) {
            super(standard);
            this.written = written;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                                                   FileObject sibling) throws IOException {
            if (location != StandardLocation.CLASS_OUTPUT || kind != JavaFileObject.Kind.CLASS) {
                return super.getJavaFileForOutput(location, name, kind, sibling);
            }
            return new SimpleJavaFileObject(uri("mem", name.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    written.put(name, bytes);
                    return bytes;
                }
            };
        }
    }

    /** Defines the compiled classes from their bytes; everything else comes from the parent. */
    private static final class ClassesLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        ClassesLoader(String name, ClassLoader parent, Map<String, byte[]> classes) {
            super(name, parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    private static URI uri(String scheme, String path) {
        try {
            return new URI(scheme, null, "/" + path, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
