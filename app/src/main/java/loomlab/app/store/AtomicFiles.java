package loomlab.app.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Text files that are either the old version or the new one, never half of each.
 *
 * <p>A write goes to a temporary file in the same directory (so the rename stays on one file
 * system), is forced to the device, then renamed over the target with {@code ATOMIC_MOVE}; where
 * the file system cannot rename atomically it falls back to {@code REPLACE_EXISTING}. Last, the
 * directory is forced so the rename itself survives a power cut; Windows cannot open a directory,
 * and there the rename is as durable as the file system makes it.
 *
 * <p>If the app dies before the rename, a temporary file {@code .<name>.<random>.tmp} may remain
 * beside the target; the target is intact and the stray file is harmless.
 *
 * <p>Text is UTF-8.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Replaces {@code file} with {@code text}, creating its directory if need be. */
    public static void write(Path file, String text) throws IOException {
        write(file, text, () -> { });
    }

    /** The content of {@code file}, or empty if there is no such file. Bytes that are not UTF-8 throw. */
    public static Optional<String> read(Path file) throws IOException {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }

    /** A step run in the middle of writing the temporary file; tests make it fail. */
    @FunctionalInterface
    interface Midway {
        void run() throws IOException;
    }

    /** {@link #write(Path, String)}, running {@code midway} after half the bytes are written. */
    static void write(Path file, String text, Midway midway) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                int half = bytes.length / 2;
                writeFully(out, ByteBuffer.wrap(bytes, 0, half));
                midway.run();
                writeFully(out, ByteBuffer.wrap(bytes, half, bytes.length - half));
                out.force(true);
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);  // after a successful move there is nothing left to delete
        }
        forceDirectory(dir);
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notSupported) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the directory entry durable where the platform allows opening a directory. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notPossibleHere) {
            // Windows: directories cannot be opened; the file itself was forced before the rename.
        }
    }
}
