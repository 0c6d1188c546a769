package loomlab.engine.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A program to run: the {@code main} method of a class on the class path, of a {@code .java} file
 * compiled here in memory ({@link JavaSource}), or of an example of {@code examples/} named by its id.
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
        } catch (ExceptionInInitializerError e) {
            // A static initializer failed on main's first call: report what it threw, with its
            // line, as Go reports a panic in an init function.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
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
        if (!JavaSource.compilerAvailable()) {
            throw new NotRunnable("this Java has no compiler; run LoomLab on a JDK, not a JRE", false);
        }
        String fileName = source.getFileName().toString();
        String name = fileName.replaceFirst("\\.java$", "");
        String text = Files.readString(source);
        JavaSource.Compilation compiled = new JavaSource(name, text).compile("-proc:none", "-Xlint:none");
        if (!compiled.ok()) {
            for (JavaSource.Problem p : compiled.problems()) {
                err.printf("%s:%s %s: %s%n", fileName, p.line() > 0 ? p.line() + ":" : "",
                        p.error() ? "error" : "warning", p.message());
            }
            throw new NotRunnable("compilation failed", true);
        }
        ClassLoader loader = compiled.classLoader(Program.class.getClassLoader());
        var pkg = PACKAGE.matcher(text);
        try {
            // Not initialized here: its static fields (a start time, a WaitGroup) belong to the
            // run, so the class is initialized by main's first call, on goroutine 1.
            Class<?> c = Class.forName(pkg.find() ? pkg.group(1) + "." + name : name, false, loader);
            return new Program(fileName, findMain(c));
        } catch (ClassNotFoundException e) {
            throw new NotRunnable(fileName + " must declare a class named " + name, false);
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
