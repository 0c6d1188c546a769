package loomlab.lessons;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import loomlab.engine.runner.JavaSource;

/** Compiles one example's source in memory against the test class path, as the app compiles a learner's. */
final class InMemoryCompiler {
    private InMemoryCompiler() {
    }

    /** The example's {@code main}, or an AssertionError with javac's messages; a warning is an error here. */
    static Method compileMain(String className, String source) {
        JavaSource.Compilation compiled = new JavaSource(className, source)
                .compile(List.of("-proc:none", "-Xlint:all", "-Werror"), Locale.ROOT);
        if (!compiled.ok()) {
            throw new AssertionError(className + ".java does not compile:\n" + compiled.problems().stream()
                    .map(p -> "line " + (p.line() > 0 ? p.line() : -1) + ": " + p.message())
                    .collect(Collectors.joining("\n")));
        }
        try {
            Method main = compiled.classLoader(InMemoryCompiler.class.getClassLoader()).loadClass(className)
                    .getDeclaredMethod("main", String[].class);
            main.setAccessible(true);
            return main;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(className + " has no main(String[])", e);
        }
    }
}
