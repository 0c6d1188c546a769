package loomlab.engine.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A program to run: the {@code main} method of a class on the class path, of a {@code .java} file
 * compiled here with {@code javax.tools}, or of an example of {@code examples/} named by its id.
 *
 * @param name what the trace calls it: the file name, or the class name
 * @param main its {@code static void main(String[])}
 */
record Program(String name, Method main) {
    /** The system property that names the examples directory; the launcher sets it. */
    static final String EXAMPLES_PROPERTY = "loomlab.examples";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    /** Why a program cannot run; the message is for the user, already printed if {@code reported}. */
    static final class NotRunnable extends Exception {
        final boolean reported;

        NotRunnable(String message, boolean reported) {
            super(message, null, false, false);
            this.reported = reported;
        }
    }

    /** Finds, and if need be compiles, {@code target}; compiler errors go to {@code err}. */
    static Program load(String target, PrintStream err) throws NotRunnable {
        try {
            if (target.endsWith(".java")) {
                return compile(Path.of(target), err);
            }
            Class<?> c = findClass(target);
            if (c != null) {
                return new Program(target, findMain(c));
            }
            Path example = example(target);
            if (example != null) {
                return compile(example, err);
            }
            throw new NotRunnable("no class named " + target + " (give a .java file, a class on the class path"
                    + examplesHint() + ")", false);
        } catch (IOException e) {
            throw new NotRunnable(e.toString(), false);
        }
    }

    /** Runs {@code main(args)}; what it throws reaches the engine as it was thrown. */
    void invoke(List<String> args) {
        try {
            main.invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> findClass(String name) {
        try {
            return Class.forName(name, false, Program.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** {@code examples/<id>.java}, the id matched without regard to case; null if there is none. */
    /** The examples' directories: {@link #EXAMPLES_PROPERTY}, a path list (examples/, then each lesson's folder). */
    private static List<Path> exampleDirs() {
        String dirs = System.getProperty(EXAMPLES_PROPERTY);
        if (dirs == null || dirs.isBlank()) {
            return List.of();
        }
        return Stream.of(dirs.split(java.io.File.pathSeparator)).map(Program::dir).filter(java.util.Objects::nonNull)
                .toList();
    }

    private static Path dir(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Path p = Path.of(name);
        return Files.isDirectory(p) ? p : null;
    }

    /** The example whose file is {@code id}.java (any case), in the first directory that has one. */
    private static Path example(String id) throws IOException {
        for (Path dir : exampleDirs()) {
            try (Stream<Path> files = Files.list(dir)) {
                Path found = files.filter(f -> f.getFileName().toString().equalsIgnoreCase(id + ".java"))
                        .findFirst().orElse(null);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String examplesHint() throws IOException {
        java.util.SortedSet<String> ids = new java.util.TreeSet<>();
        for (Path dir : exampleDirs()) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java"))
                        .map(n -> n.substring(0, n.length() - 5)).forEach(ids::add);
            }
        }
        return ids.isEmpty() ? "" : ", or an example: " + String.join(", ", ids);
    }

    private static Program compile(Path source, PrintStream err) throws IOException, NotRunnable {
        if (!Files.isRegularFile(source)) {
            throw new NotRunnable("no such file: " + source, false);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new NotRunnable("this Java has no compiler; run LoomLab on a JDK, not a JRE", false);
        }
        Path classes = Files.createTempDirectory("loomlab-run");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                    "-proc:none", "-Xlint:none");
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(source)).call();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR || !ok) {
                    err.printf("%s:%d: %s: %s%n", source.getFileName(), d.getLineNumber(),
                            d.getKind().toString().toLowerCase(Locale.ROOT), d.getMessage(Locale.ROOT));
                }
            }
            if (!ok) {
                throw new NotRunnable("compilation failed", true);
            }
        }
        String name = source.getFileName().toString().replaceFirst("\\.java$", "");
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, Program.class.getClassLoader());
        var pkg = PACKAGE.matcher(Files.readString(source));
        try {
            Class<?> c = Class.forName(pkg.find() ? pkg.group(1) + "." + name : name, true, loader);
            return new Program(source.getFileName().toString(), findMain(c));
        } catch (ClassNotFoundException e) {
            throw new NotRunnable(source.getFileName() + " must declare a class named " + name, false);
        }
    }

    private static Method findMain(Class<?> c) throws NotRunnable {
        try {
            Method m = c.getDeclaredMethod("main", String[].class);
            if (!Modifier.isStatic(m.getModifiers())) {
                throw new NotRunnable(c.getName() + ".main must be static", false);
            }
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new NotRunnable(c.getName() + " has no main(String[]) method", false);
        }
    }
}
