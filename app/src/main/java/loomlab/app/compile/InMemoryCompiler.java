package loomlab.app.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import loomlab.app.editor.Diagnostic;

/** TEMPORARY stand-in for branch appkit's class; removed before merging main. */
public final class InMemoryCompiler {
    private InMemoryCompiler() {
    }

    public record CompileResult(boolean ok, List<Diagnostic> diagnostics, Path classesDir) {
    }

    public static CompileResult compile(String className, String source, Path classesDir) {
        try {
            Files.createDirectories(classesDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignore) {
                return source;
            }
        };
        boolean ok = javac.getTask(null, null, collector,
                List.of("-d", classesDir.toString(), "-g", "-cp", System.getProperty("java.class.path")), null,
                List.of(file)).call();
        List<Diagnostic> ds = new ArrayList<>();
        for (var d : collector.getDiagnostics()) {
            ds.add(new Diagnostic(d.getLineNumber(), d.getColumnNumber(), d.getMessage(null),
                    d.getKind() == javax.tools.Diagnostic.Kind.ERROR));
        }
        return new CompileResult(ok, ds, classesDir);
    }
}
