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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import loomlab.engine.RunResult;
import loomlab.engine.Runtime;

/**
 * {@code ./loomlab run <File.java | class name> [args...]}: compiles a program if it is a source
 * file, then runs its {@code main} as goroutine 1 of a run on the engine. The exit status is Go's:
 * 0, or 2 after a panic, a fatal error or a deadlock; 1 when the program does not compile, as
 * {@code go run} does.
 */
public final class RunMain {
    private RunMain() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Runs the command line; returns the exit status instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            err.println("usage: loomlab run <File.java | class name> [args...]");
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].startsWith("-")) {
            err.println("loomlab run: unknown option " + args[0] + " (usage: loomlab run <File.java | class name> [args...])");
            return 2;
        }
        String target = args[0];
        String[] programArgs = Arrays.copyOfRange(args, 1, args.length);
        Method main;
        try {
            main = target.endsWith(".java") ? compileAndFind(Path.of(target), err) : findMain(
                    Class.forName(target, false, RunMain.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            err.println("loomlab run: no class named " + target + " (give a .java file or a class on the class path)");
            return 1;
        } catch (CompileFailed e) {
            return 1;
        } catch (IllegalArgumentException | IOException e) {
            err.println("loomlab run: " + e.getMessage());
            return 1;
        }
        RunResult result = Runtime.builder().out(out).err(err).build().start(() -> invoke(main, programArgs));
        return result.exitStatus();
    }

    private static void invoke(Method main, String[] args) {
        try {
            main.invoke(null, (Object) args);
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

    private static Method compileAndFind(Path source, PrintStream err) throws IOException, CompileFailed {
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("no such file: " + source);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalArgumentException("this Java has no compiler; run LoomLab on a JDK, not a JRE");
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
                throw new CompileFailed();
            }
        }
        String name = source.getFileName().toString().replaceFirst("\\.java$", "");
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, RunMain.class.getClassLoader());
        String pkg = packageOf(Files.readString(source));
        try {
            return findMain(Class.forName(pkg.isEmpty() ? name : pkg + "." + name, true, loader));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(source.getFileName() + " must declare a class named " + name);
        }
    }

    private static String packageOf(String source) {
        var m = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(source);
        return m.find() ? m.group(1) : "";
    }

    private static Method findMain(Class<?> c) {
        try {
            Method m = c.getDeclaredMethod("main", String[].class);
            if (!Modifier.isStatic(m.getModifiers())) {
                throw new IllegalArgumentException(c.getName() + ".main must be static");
            }
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(c.getName() + " has no main(String[]) method");
        }
    }

    private static final class CompileFailed extends Exception {
        CompileFailed() {
            super(null, null, false, false);
        }
    }
}
