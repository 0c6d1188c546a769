package loomlab.exercises.grading;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each check method of a grading class its {@link Grading}: put
 * {@code @ExtendWith(GradingExtension.class)} on the class.
 */
public final class GradingExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Grading.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        String id = extension.getConfigurationParameter(GradingSession.PARAMETER).orElseThrow(() ->
                new ParameterResolutionException("a grading class runs only through loomlab.exercises.Grader, "
                        + "which gives it the submission to grade"));
        GradingSession session = GradingSession.find(id).orElseThrow(() ->
                new ParameterResolutionException("no grading session " + id + " is open"));
        return new Grading(session, extension.getRequiredTestMethod().getName());
    }
}
