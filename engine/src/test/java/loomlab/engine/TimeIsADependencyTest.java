package loomlab.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** STYLE.md rule 7: engine code reads the run's clock, never the system's, and never sleeps. */
class TimeIsADependencyTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("loomlab.engine");

    @Test
    void onlyTheClockReadsSystemTimeOrSleeps() {
        noClasses().that().resideInAPackage("loomlab.engine")
                .and().doNotHaveFullyQualifiedName(Clock.class.getName())
                .and().doNotHaveFullyQualifiedName(Clock.Real.class.getName())
                .should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .because("a run may be on a virtual clock: engine code reads time through the run's Clock")
                .check(ENGINE);
    }
}
