package loomlab.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where lesson files are read from: the module's resources (the built-in lessons, also from a
 * jar) or a folder on disk (an author's lessons, tried without a rebuild). Both hold the same
 * layout: {@code index.txt} and one folder per lesson.
 */
sealed interface LessonFiles {
    /** The text of {@code path} (relative, {@code /}-separated), without carriage returns; empty if there is none. */
    Optional<String> read(String path);

    /** How messages name {@code path}. */
    String describe(String path);

    /** The lesson folders present, if they can be listed (on disk); empty for resources, which cannot. */
    Optional<List<String>> folders();

    /** The built-in lessons, under {@code loomlab/lessons/} on the class path. */
    record Resources(String root) implements LessonFiles {
        @Override
        public Optional<String> read(String path) {
            try (InputStream in = LessonFiles.class.getResourceAsStream("/" + root + "/" + path)) {
                return in == null ? Optional.empty() : Optional.of(text(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(describe(path) + ": cannot be read", e);
            }
        }

        @Override
        public String describe(String path) {
            return root + "/" + path;
        }

        @Override
        public Optional<List<String>> folders() {
            return Optional.empty();
        }
    }

    /** Lessons in a folder on disk. */
    record Directory(Path dir) implements LessonFiles {
        @Override
        public Optional<String> read(String path) {
            Path file = dir.resolve(path);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(text(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(describe(path) + ": cannot be read", e);
            }
        }

        @Override
        public String describe(String path) {
            return dir.resolve(path).toString();
        }

        @Override
        public Optional<List<String>> folders() {
            try (Stream<Path> entries = Files.list(dir)) {
                return Optional.of(entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                        .sorted().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(dir + ": cannot be listed", e);
            }
        }
    }

    private static String text(String raw) {
        String s = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
