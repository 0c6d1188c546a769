package loomlab.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaModifier.PUBLIC;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module graph is the architecture; these rules keep it.
 *
 * <p>The app's test class path holds every module, so importing {@code loomlab} sees them all.
 * Rules allow an empty subject because a module may have no classes yet;
 * {@link #importSeesTheApp} guards against an import that silently finds nothing.
 */
@AnalyzeClasses(packages = "loomlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineDoesNotUseJavaFx = noClasses()
            .that().resideInAPackage("loomlab.engine..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine runs programs in a child JVM that has no JavaFX")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule engineDependsOnNoOtherModule = noClasses()
            .that().resideInAPackage("loomlab.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "loomlab.visualizer..", "loomlab.lessons..", "loomlab.exercises..",
                    "loomlab.app..", "loomlab.bench..")
            .because("every other module builds on the engine, and the engine builds on none of them")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule visualizerSeesOnlyThePublicEngineApi = noClasses()
            .that().resideInAPackage("loomlab.visualizer..")
            .should().dependOnClassesThat(
                    resideInAPackage("loomlab.engine.internal..")
                            .or(resideInAnyPackage("loomlab.engine..").and(not(modifier(PUBLIC)))))
            .because("the visualizer draws the engine's events, not its internals,"
                    + " so the engine's algorithms can change without breaking a view")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule appSeesOnlyThePublicEngineApi = noClasses()
            .that().resideInAPackage("loomlab.app..")
            .should().dependOnClassesThat(
                    resideInAPackage("loomlab.engine.internal..")
                            .or(resideInAnyPackage("loomlab.engine..").and(not(modifier(PUBLIC)))))
            .because("the workbench runs programs in a child JVM and learns what they do from events;"
                    + " it never reaches into the engine")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule viewModelsNeedNoScreen = noClasses()
            .that().resideInAPackage("loomlab.app.viewmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("a ViewModel is tested without a screen; the views bind to its properties")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule contentAndGradingNeedNoJavaFx = noClasses()
            .that().resideInAnyPackage("loomlab.lessons..", "loomlab.exercises..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("lessons are checked and exercises graded on the command line and in a child JVM,"
                    + " where there is no JavaFX")
            .allowEmptyShould(true);

    @ArchTest
    static void importSeesTheApp(JavaClasses classes) {
        assertTrue(classes.contain(LoomLabApp.class), "the import found no LoomLab classes");
    }
}
