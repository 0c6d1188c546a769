package loomlab.app.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import loomlab.app.editor.Diagnostic;

/**
 * Compiles the editor's text, a class in the default package, with {@code javax.tools}: the
 * source comes from memory, the class files go to a directory that a child JVM then runs from.
 *
 * <p>The class path is this JVM's ({@code java.class.path}), so the learner's code sees the
 * engine; the release is Java 25; class files carry line numbers, which step mode shows.
 * Annotation processing is off: nothing on the class path is meant to process the learner's code.
 *
 * <p>Slow the first time (the compiler loads, about a second): call it off the FX thread.
 * Calls may run concurrently with different {@code classesDir}s.
 */
public final class InMemoryCompiler {
    /** The message of the one diagnostic when this runtime has no compiler (a JRE, or a trimmed image). */
    public static final String NO_COMPILER_MESSAGE =
            "This Java runtime has no compiler (javax.tools). Start LoomLab with a JDK 25.";

    private static final String RELEASE = "25";

    private InMemoryCompiler() {
    }

    /** {@link #compile(String, String, Path, Locale)} with the compiler's messages in the default locale. */
    public static CompileResult compile(String className, String source, Path classesDir) {
        return compile(className, source, classesDir, Locale.getDefault());
    }

    /**
     * Compiles {@code source}, the file {@code className.java}, into {@code classesDir} (created if
     * need be; class files of an earlier compile in it are deleted first, so a failed compile
     * leaves nothing runnable behind). Never throws for a mistake in the code: mistakes are the
     * diagnostics, with 1-based lines and columns, messages in {@code locale} where javac has it.
     */
    public static CompileResult compile(String className, String source, Path classesDir, Locale locale) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            return new CompileResult(false, List.of(new Diagnostic(1, 1, NO_COMPILER_MESSAGE, true)), classesDir);
        }
        DiagnosticCollector<JavaFileObject> collected = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(collected, locale, null)) {
            Files.createDirectories(classesDir);
            deleteClassFiles(classesDir);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classesDir));
            List<String> options = List.of(
                    "--release", RELEASE,
                    "-classpath", System.getProperty("java.class.path", ""),
                    "-g",
                    "-proc:none",
                    "-implicit:none",
                    "-Xlint:-options");
            boolean ok = compiler.getTask(null, files, collected, options, null,
                    List.of(new SourceInMemory(className, source))).call();
            return new CompileResult(ok, diagnostics(collected, locale), classesDir);
        } catch (IOException | UncheckedIOException | IllegalArgumentException cannotCompile) {
            // The directory cannot be made, or the name is not a class name: the code never reached javac.
            String message = cannotCompile.getMessage() == null ? cannotCompile.toString() : cannotCompile.getMessage();
            return new CompileResult(false, List.of(new Diagnostic(1, 1, message, true)), classesDir);
        }
    }

    private static List<Diagnostic> diagnostics(DiagnosticCollector<JavaFileObject> collected, Locale locale) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (javax.tools.Diagnostic<? extends JavaFileObject> d : collected.getDiagnostics()) {
            javax.tools.Diagnostic.Kind kind = d.getKind();
            if (kind == javax.tools.Diagnostic.Kind.NOTE || kind == javax.tools.Diagnostic.Kind.OTHER) {
                continue;  // "Some input files use unchecked operations" and the like: nothing to mark
            }
            long line = d.getLineNumber() == javax.tools.Diagnostic.NOPOS ? 1 : d.getLineNumber();
            long column = d.getColumnNumber() == javax.tools.Diagnostic.NOPOS ? 1 : d.getColumnNumber();
            diagnostics.add(new Diagnostic(line, column, d.getMessage(locale), kind == javax.tools.Diagnostic.Kind.ERROR));
        }
        return diagnostics;
    }

    private static void deleteClassFiles(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().endsWith(".class")).toList()) {
                Files.deleteIfExists(entry);
            }
        }
    }

    /** The editor's text as the compiler's source file {@code <className>.java}. */
    private static final class SourceInMemory extends SimpleJavaFileObject {
        private final String source;

        SourceInMemory(String className, String source) {
            super(URI.create("string:///" + className + Kind.SOURCE.extension), Kind.SOURCE);
            this.source = source;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
        }
    }
}
