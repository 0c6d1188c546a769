package loomlab.app.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import loomlab.app.editor.Diagnostic;
import loomlab.engine.runner.JavaSource;

/**
 * Compiles the editor's text, a class in the default package, with the engine's {@link JavaSource}
 * (in memory), then writes the class files to a directory that a child JVM runs from.
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

    private static final List<String> OPTIONS =
            List.of("--release", "25", "-g", "-proc:none", "-implicit:none", "-Xlint:-options");

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
        if (!JavaSource.compilerAvailable()) {
            return new CompileResult(false, List.of(new Diagnostic(1, 1, NO_COMPILER_MESSAGE, true)), classesDir);
        }
        try {
            Files.createDirectories(classesDir);
            deleteClassFiles(classesDir);
            JavaSource.Compilation compiled = new JavaSource(className, source).compile(OPTIONS, locale);
            compiled.writeTo(classesDir);
            return new CompileResult(compiled.ok(), compiled.problems().stream().map(InMemoryCompiler::diagnostic)
                    .toList(), classesDir);
        } catch (IOException | UncheckedIOException | IllegalArgumentException cannotCompile) {
            // The directory cannot be made or written: the class files never reached it.
            String message = cannotCompile.getMessage() == null ? cannotCompile.toString() : cannotCompile.getMessage();
            return new CompileResult(false, List.of(new Diagnostic(1, 1, message, true)), classesDir);
        }
    }

    /** A problem at no line ({@code -Werror}'s summary, say) is marked on the first. */
    private static Diagnostic diagnostic(JavaSource.Problem p) {
        return new Diagnostic(Math.max(1, p.line()), characterColumn(p.sourceLine(), p.column()), p.message(),
                p.error());
    }

    /**
     * The editor's column (characters of the line, 1-based) of javac's {@code column}, which
     * counts a tab as reaching the next multiple of 8: on a line with tabs the two differ.
     */
    static long characterColumn(String line, long javacColumn) {
        if (line == null || javacColumn < 1) {
            return Math.max(1, javacColumn);
        }
        long visual = 1;
        for (int i = 0; i < line.length(); i++) {
            if (visual >= javacColumn) {
                return i + 1;
            }
            visual = line.charAt(i) == '\t' ? ((visual - 1) / 8 + 1) * 8 + 1 : visual + 1;
        }
        return line.length() + 1;
    }

    private static void deleteClassFiles(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().endsWith(".class")).toList()) {
                Files.deleteIfExists(entry);
            }
        }
    }
}
