package loomlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Without the JDK hook, the engine falls back to the JDK's scheduler, says so once, and still works. */
@Timeout(120)
class FallbackTest {

    @Test
    @DisplayName("a JVM without --add-opens runs programs on the JDK's scheduler and says so once")
    void withoutTheHookTheJdkSchedulesAndTheEngineSaysSo() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "loomlab.engine.runner.RunMain", Path.of("../examples/PingPong.java").toString()))
                .redirectErrorStream(false).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        assertEquals("ball is now 1\nball is now 2\nball is now 3\n", out);
        assertEquals(1, err.split("the JDK's virtual-thread scheduler hook is not open", -1).length - 1, err);
    }

    @Test
    @DisplayName("the JDK's scheduler can also be chosen on purpose, for comparisons")
    void jdkSchedulerOnRequest() {
        Runtime rt = Runtime.builder().jdkScheduler().build();
        RunResult r = rt.start(() -> {
            Chan<Integer> ch = Chan.make();
            Go.go(() -> ch.send(42));
            if (ch.recv() != 42) {
                throw new AssertionError();
            }
        });
        assertEquals(0, r.exitStatus());
        assertTrue(!rt.ownsScheduling());
    }
}
