package loomlab.engine;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Go-style tracebacks of Java stacks: the learner's frames only, one {@code Class.method()} line
 * and one tab-indented {@code File.java:LINE} line per frame, then {@code created by ...}.
 * Engine and JDK frames are hidden, as Go hides the runtime's own frames.
 */
final class Traceback {
    private static final Map<String, Boolean> ENGINE_CLASS = new ConcurrentHashMap<>();
    private static final CodeSource ENGINE_CODE = Traceback.class.getProtectionDomain().getCodeSource();

    private Traceback() {
    }

    static List<StackTraceElement> userFrames(List<StackTraceElement> frames) {
        List<StackTraceElement> user = new ArrayList<>(frames.size());
        for (StackTraceElement f : frames) {
            if (!hidden(f.getClassName())) {
                user.add(f);
            }
        }
        return List.copyOf(user);
    }

    /** Frames of the engine itself and of the JDK's thread and lock machinery are not shown. */
    static boolean hidden(String className) {
        if (className.startsWith("java.lang.VirtualThread") || className.startsWith("java.lang.Thread")
                || className.startsWith("jdk.internal.") || className.startsWith("java.util.concurrent.")
                || className.startsWith("java.lang.invoke.") || className.startsWith("java.lang.Continuation")
                || className.startsWith("java.lang.System$") || className.startsWith("java.lang.reflect.")) {
            return true;
        }
        return className.startsWith("loomlab.engine.") && ENGINE_CLASS.computeIfAbsent(className, Traceback::isEngineClass);
    }

    private static boolean isEngineClass(String className) {
        try {
            Class<?> c = Class.forName(className, false, Traceback.class.getClassLoader());
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            return cs != null && ENGINE_CODE != null && cs.getLocation().equals(ENGINE_CODE.getLocation());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Appends one goroutine's trace, as Go prints it in a dump. */
    static void append(StringBuilder out, GoroutineInfo g) {
        out.append(g.header()).append('\n');
        appendFrames(out, g.stack());
        if (g.creatorId() != 0) {
            out.append("created by ");
            StackTraceElement at = g.createdAt();
            out.append(at != null ? frameName(at) : "?").append(" in goroutine ").append(g.creatorId()).append('\n');
            if (at != null) {
                out.append('\t').append(location(at)).append('\n');
            }
        }
    }

    static void appendFrames(StringBuilder out, List<StackTraceElement> frames) {
        for (StackTraceElement f : frames) {
            out.append(frameName(f)).append("()\n");
            out.append('\t').append(location(f)).append('\n');
        }
    }

    static String frameName(StackTraceElement f) {
        String cls = f.getClassName();
        int dot = cls.lastIndexOf('.');
        return (dot >= 0 ? cls.substring(dot + 1) : cls) + "." + f.getMethodName();
    }

    static String location(StackTraceElement f) {
        String file = f.getFileName() != null ? f.getFileName() : "?";
        return f.getLineNumber() > 0 ? file + ":" + f.getLineNumber() : file;
    }
}
