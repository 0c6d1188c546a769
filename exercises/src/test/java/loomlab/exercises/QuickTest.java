package loomlab.exercises;

import org.junit.jupiter.api.Test;

class QuickTest {
    @Test
    void quick() {
        for (Exercise e : ExerciseCatalog.builtIn().exercises()) {
            long t0 = System.nanoTime();
            System.out.println("== " + e.id() + " reference");
            System.out.println(Graded.describe(Graded.grade(e.id(), e.reference(), java.nio.file.Path.of("target/runs"))));
            System.out.println("ref " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            t0 = System.nanoTime();
            System.out.println("== " + e.id() + " starter");
            System.out.println(Graded.describe(Graded.grade(e.id(), e.starter(), java.nio.file.Path.of("target/runs"))));
            System.out.println("starter " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }
}
