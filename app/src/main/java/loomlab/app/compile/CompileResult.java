package loomlab.app.compile;

import java.nio.file.Path;
import java.util.List;

import loomlab.app.editor.Diagnostic;

/**
 * What compiling the learner's code gave.
 *
 * @param ok          whether class files were written (warnings allowed)
 * @param diagnostics errors and warnings, in the compiler's order
 * @param classesDir  where the class files are, for {@code ChildRun.builder().classDir(...)}
 */
public record CompileResult(boolean ok, List<Diagnostic> diagnostics, Path classesDir) {
    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
