package loomlab.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    /** Long enough that no debounced save fires during a test: only flush() writes. */
    private static final Duration NEVER = Duration.ofHours(1);
    private static final String ORIGINAL = "class Main {}\n";

    @TempDir
    Path home;

    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    private Workspace workspace;

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    private Workspace recording(Duration debounce) {
        workspace = new Workspace(home, debounce, (file, text) -> {
            writes.add(text);
            AtomicFiles.write(file, text);
        });
        return workspace;
    }

    @Test
    void filesLiveUnderTheWorkspaceByLessonStepAndExercise() {
        workspace = new Workspace(home);

        assertEquals(home.resolve("workspace/lessons/goroutines/run/Main.java"),
                workspace.lessonFile("goroutines", "run", "Main"));
        assertEquals(home.resolve("workspace/exercises/ping-pong/PingPong.java"),
                workspace.exerciseFile("ping-pong", "PingPong"));
        assertThrows(IllegalArgumentException.class, () -> workspace.exerciseFile("../escape", "Main"));
        assertThrows(IllegalArgumentException.class, () -> workspace.lessonFile("l", "s/t", "Main"));
    }

    @Test
    void withoutACopyLoadGivesTheOriginalAndNothingIsModified() {
        Path file = recording(NEVER).exerciseFile("ex", "Main");

        assertEquals(ORIGINAL, workspace.load(file, ORIGINAL));
        assertFalse(workspace.isModified(file, ORIGINAL));
        assertFalse(Files.exists(file));
    }

    @Test
    void typingQuicklySavesOnlyTheLatestTextOnceFlushed() throws IOException {
        Path file = recording(NEVER).exerciseFile("ex", "Main");

        workspace.saveSoon(file, "c");
        workspace.saveSoon(file, "cl");
        workspace.saveSoon(file, "cla");
        workspace.flush();

        assertEquals(List.of("cla"), writes);
        assertEquals("cla", Files.readString(file));
    }

    @Test
    void loadSeesTheLatestTextEvenBeforeItIsSaved() {
        Path file = recording(NEVER).exerciseFile("ex", "Main");

        workspace.saveSoon(file, "unsaved");

        assertEquals("unsaved", workspace.load(file, ORIGINAL));
        assertTrue(workspace.isModified(file, ORIGINAL));
        assertEquals(List.of(), writes);
    }

    @Test
    void flushWritesEveryPendingFile() throws IOException {
        recording(NEVER);
        Path a = workspace.lessonFile("l", "s1", "Main");
        Path b = workspace.lessonFile("l", "s2", "Main");

        workspace.saveSoon(a, "text a");
        workspace.saveSoon(b, "text b");
        workspace.flush();

        assertEquals("text a", Files.readString(a));
        assertEquals("text b", Files.readString(b));
    }

    @Test
    void aDebouncedSaveHappensWithoutFlushAndFlushThenHasNothingLeft() throws Exception {
        Path file = recording(Duration.ZERO).exerciseFile("ex", "Main");

        workspace.saveSoon(file, "soon");
        workspace.flush();
        workspace.flush();

        assertEquals(List.of("soon"), writes, "written once: by the debounced save or by flush, not both");
        assertEquals("soon", Files.readString(file));
    }

    @Test
    void aNewWorkspaceOnTheSameHomeFindsTheSavedText() {
        Path file = recording(NEVER).exerciseFile("ex", "Main");
        workspace.saveSoon(file, "kept");
        workspace.close();

        workspace = new Workspace(home);

        assertEquals("kept", workspace.load(file, ORIGINAL));
    }

    @Test
    void resetPutsTheOriginalBackOnDiskAndDropsPendingText() throws IOException {
        Path file = recording(NEVER).exerciseFile("ex", "Main");
        workspace.saveSoon(file, "mine");
        workspace.flush();
        workspace.saveSoon(file, "mine, more");

        workspace.reset(file, ORIGINAL);
        workspace.flush();

        assertEquals(ORIGINAL, Files.readString(file));
        assertEquals(ORIGINAL, workspace.load(file, ORIGINAL));
        assertFalse(workspace.isModified(file, ORIGINAL));
    }

    @Test
    void aFailedSaveIsReportedKeptAndRetriedByTheNextFlush() throws IOException {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        List<Path> reported = Collections.synchronizedList(new ArrayList<>());
        workspace = new Workspace(home, NEVER, (file, text) -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IOException("disk full");
            }
            AtomicFiles.write(file, text);
        });
        workspace.setOnSaveFailed((file, failure) -> reported.add(file));
        Path file = workspace.exerciseFile("ex", "Main");

        workspace.saveSoon(file, "precious");
        workspace.flush();
        assertEquals(List.of(file), reported);
        assertEquals("precious", workspace.load(file, ORIGINAL), "not lost: still pending");

        workspace.flush();
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void aCopyThatIsNotTextIsSetAsideAndTheOriginalReturned() throws IOException {
        workspace = new Workspace(home);
        Path file = workspace.exerciseFile("ex", "Main");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xFE, 0});

        Loaded<String> opened = workspace.open(file, ORIGINAL);

        assertEquals(ORIGINAL, opened.value());
        Problem problem = opened.problem().orElseThrow();
        assertTrue(Files.exists(problem.setAside()));
        assertEquals(Optional.empty(), workspace.open(file, ORIGINAL).problem());
    }
}
