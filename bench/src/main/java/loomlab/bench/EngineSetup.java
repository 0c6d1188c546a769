package loomlab.bench;

import loomlab.engine.Runtime;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * JMH state of the engine's benchmarks: which scheduler runs the goroutines. {@code gmp} is the
 * engine's own G-M-P scheduler (the default), {@code jdk} the JDK's virtual-thread scheduler
 * ({@link Runtime.Builder#jdkScheduler()}). Only the engine's methods take this state, so the Jox
 * and JDK-queue peers are not run once per scheduler.
 */
@State(Scope.Benchmark)
public class EngineSetup {
    @Param({"gmp", "jdk"})
    public String scheduler;

    /** A builder for one run with these settings; subclasses add a listener. */
    Runtime.Builder builder() {
        Runtime.Builder b = Runtime.builder().recordCreators(false);
        return switch (scheduler) {
            case "gmp" -> b;
            case "jdk" -> b.jdkScheduler();
            default -> throw new IllegalArgumentException("scheduler must be gmp or jdk, not " + scheduler);
        };
    }

    /** Whether a run must be on the engine's own scheduler (checked: the fallback would be silent in the table). */
    boolean wantsGmp() {
        return scheduler.equals("gmp");
    }
}
