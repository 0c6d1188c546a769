package loomlab.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writeThenReadGivesTheTextBackAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("sub").resolve("Main.java");

        AtomicFiles.write(file, "class Main {} // 你好");
        AtomicFiles.write(file, "class Main { } // 世界");

        assertEquals(Optional.of("class Main { } // 世界"), AtomicFiles.read(file));
        assertEquals(List.of(file), filesIn(file.getParent()));
    }

    @Test
    void readOfAMissingFileIsEmpty() throws IOException {
        assertEquals(Optional.empty(), AtomicFiles.read(dir.resolve("absent.txt")));
    }

    @Test
    void writeThatFailsMidwayLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("settings.txt");
        AtomicFiles.write(file, "old text");

        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(file, "new text, longer", () -> {
            throw new IOException("disk full");
        }));

        assertEquals("disk full", failure.getMessage());
        assertEquals(Optional.of("old text"), AtomicFiles.read(file));
        assertEquals(List.of(file), filesIn(dir));
    }

    @Test
    void writeThatFailsMidwayOnANewFileLeavesNoFileAtAll() throws IOException {
        Path file = dir.resolve("progress.txt");

        assertThrows(IOException.class, () -> AtomicFiles.write(file, "text", () -> {
            throw new IOException("power cut");
        }));

        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void writeIntoAPlaceThatIsAFileFailsWithoutHarm() throws IOException {
        Path notADirectory = dir.resolve("plain");
        Files.writeString(notADirectory, "keep me");

        assertThrows(IOException.class, () -> AtomicFiles.write(notADirectory.resolve("x.txt"), "text"));

        assertEquals("keep me", Files.readString(notADirectory));
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
