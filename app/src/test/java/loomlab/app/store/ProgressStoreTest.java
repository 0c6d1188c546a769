package loomlab.app.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgressStoreTest {
    @TempDir
    Path home;

    private static final Progress SOME = Progress.empty()
            .withStepDone("goroutines", "read")
            .withStepDone("goroutines", "run")
            .withStepDone("channels 101", "predict 1")
            .withScore("ping-pong", 0.5)
            .withScore("pipeline", 1.0);

    @Test
    void scoresKeepTheBest() {
        Progress progress = Progress.empty().withScore("ex", 0.75).withScore("ex", 0.25);

        assertEquals(Map.of("ex", 0.75), progress.bestScore());
        assertEquals(Map.of("ex", 1.0), progress.withScore("ex", 1.0).bestScore());
    }

    @Test
    void stepsAccumulatePerLessonAndTheOriginalIsUnchanged() {
        Progress before = Progress.empty().withStepDone("l", "a");

        Progress after = before.withStepDone("l", "b").withStepDone("l", "a");

        assertEquals(Map.of("l", Set.of("a")), before.stepsDone());
        assertEquals(Map.of("l", Set.of("a", "b")), after.stepsDone());
        assertTrue(after.isStepDone("l", "b"));
        assertFalse(after.isStepDone("other", "b"));
    }

    @Test
    void aScoreOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Progress.empty().withScore("ex", 1.5));
        assertThrows(IllegalArgumentException.class, () -> Progress.empty().withScore("ex", Double.NaN));
    }

    @Test
    void savedProgressLoadsAsItWasSavedIdsWithSpacesIncluded() throws IOException {
        ProgressStore store = new ProgressStore(home);

        store.save(SOME);
        Loaded<Progress> loaded = store.load();

        assertEquals(SOME, loaded.value());
        assertEquals(Optional.empty(), loaded.problem());
        assertEquals(List.of(
                        "loomlab-progress=1",
                        "done=channels\\s101 predict\\s1",
                        "done=goroutines read",
                        "done=goroutines run",
                        "score=ping-pong 0.5",
                        "score=pipeline 1.0",
                        "end"),
                Files.readAllLines(store.file()).stream().filter(line -> !line.startsWith("#")).toList());
    }

    @Test
    void noFileGivesEmptyProgress() {
        assertEquals(new Loaded<>(Progress.empty(), Optional.empty()), new ProgressStore(home).load());
    }

    @Test
    void linesOfALaterVersionsNewKindAreIgnored() throws IOException {
        ProgressStore store = new ProgressStore(home);
        Files.writeString(store.file(), "loomlab-progress=1\ndone=l s\nbadge=gold\nend\n");

        assertEquals(Progress.empty().withStepDone("l", "s"), store.load().value());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"garbage bytes", "truncated", "score not a number", "score above one", "one part"})
    void anUnreadableFileGivesEmptyProgressAndAProblemAndIsSetAsideByteForByte(String damage) throws IOException {
        ProgressStore store = new ProgressStore(home);
        store.save(SOME);
        String good = Files.readString(store.file());
        byte[] bad = switch (damage) {
            case "garbage bytes" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xFE, 0};
            case "truncated" -> good.substring(0, good.indexOf("score=")).getBytes(StandardCharsets.UTF_8);
            case "score not a number" -> good.replace("pipeline 1.0", "pipeline full").getBytes(StandardCharsets.UTF_8);
            case "score above one" -> good.replace("pipeline 1.0", "pipeline 7").getBytes(StandardCharsets.UTF_8);
            case "one part" -> good.replace("done=goroutines read", "done=goroutines").getBytes(StandardCharsets.UTF_8);
            default -> throw new AssertionError(damage);
        };
        Files.write(store.file(), bad);

        Loaded<Progress> loaded = store.load();

        assertEquals(Progress.empty(), loaded.value());
        Problem problem = loaded.problem().orElseThrow();
        assertTrue(problem.setAside().getFileName().toString().startsWith("progress.txt.corrupt-"));
        assertArrayEquals(bad, Files.readAllBytes(problem.setAside()));
        assertFalse(Files.exists(store.file()));
    }
}
