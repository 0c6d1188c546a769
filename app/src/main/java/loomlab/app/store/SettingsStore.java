package loomlab.app.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings in {@code <home>/settings.txt}, a {@link KeyValueFile} of kind
 * {@code loomlab-settings}, version 2 (version 1 had no {@code dark}: it reads as light). Every key
 * of the file's version must be present; keys this version does not know are ignored. A file that
 * cannot be read is set aside and the defaults are used.
 *
 * <p>Each method reads or writes the file at once; a save replaces the file atomically.
 */
public final class SettingsStore {
    static final String FILE_NAME = "settings.txt";
    private static final String KIND = "loomlab-settings";
    private static final int VERSION = 2;
    /** The oldest version this one still reads. */
    private static final int OLDEST = 1;
    private static final String COMMENT = """
            LoomLab settings, written by the app. One key=value a line; the last line must be "end".
            A file LoomLab cannot read is renamed to settings.txt.corrupt-<date> and defaults are used.""";

    private final Path file;

    public SettingsStore(Path home) {
        this.file = home.resolve(FILE_NAME);
    }

    /** The file this store reads and writes. */
    public Path file() {
        return file;
    }

    public Loaded<Settings> load() {
        return StoredFile.load(file, Settings.defaults(), SettingsStore::parse);
    }

    public void save(Settings s) throws IOException {
        AtomicFiles.write(file, format(s));
    }

    static String format(Settings s) {
        double[] bounds = s.windowBounds();
        List<KeyValueFile.Entry> entries = List.of(
                entry("language", s.language()),
                entry("fontScale", Double.toString(s.fontScale())),
                entry("presentation", Boolean.toString(s.presentation())),
                entry("seed", Long.toString(s.seed())),
                entry("procs", Integer.toString(s.procs())),
                entry("mode", s.mode()),
                entry("clock", s.clock()),
                entry("speed", Double.toString(s.speed())),
                entry("lastLesson", s.lastLesson()),
                entry("lastStep", s.lastStep()),
                entry("lastExercise", s.lastExercise()),
                entry("windowBounds", bounds == null ? "" : Arrays.stream(bounds)
                        .mapToObj(Double::toString).collect(Collectors.joining(","))),
                entry("dark", Boolean.toString(s.dark())));
        return KeyValueFile.format(KIND, VERSION, COMMENT, entries);
    }

    static Settings parse(String text) throws KeyValueFile.Unreadable {
        Map<String, String> values = new HashMap<>();
        KeyValueFile.Versioned file = KeyValueFile.parse(text, KIND, OLDEST, VERSION);
        for (KeyValueFile.Entry entry : file.entries()) {
            values.put(entry.key(), entry.value());
        }
        Fields fields = new Fields(values);
        try {
            return new Settings(
                    fields.text("language"),
                    fields.number("fontScale"),
                    fields.bool("presentation"),
                    fields.whole("seed"),
                    Math.toIntExact(fields.whole("procs")),
                    fields.text("mode"),
                    fields.text("clock"),
                    fields.number("speed"),
                    fields.text("lastLesson"),
                    fields.text("lastStep"),
                    fields.text("lastExercise"),
                    fields.bounds("windowBounds"),
                    file.version() >= 2 && fields.bool("dark"));
        } catch (IllegalArgumentException | ArithmeticException invalid) {
            throw new KeyValueFile.Unreadable(invalid.getMessage());
        }
    }

    private static KeyValueFile.Entry entry(String key, String value) {
        return new KeyValueFile.Entry(key, value);
    }

    /** Typed access to the values of a file; a missing or malformed value throws {@code Unreadable}. */
    private record Fields(Map<String, String> values) {
        String text(String key) throws KeyValueFile.Unreadable {
            String value = values.get(key);
            if (value == null) {
                throw new KeyValueFile.Unreadable("missing " + key);
            }
            return value;
        }

        double number(String key) throws KeyValueFile.Unreadable {
            String value = text(key);
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException notANumber) {
                throw new KeyValueFile.Unreadable(key + " is not a number: " + value);
            }
        }

        long whole(String key) throws KeyValueFile.Unreadable {
            String value = text(key);
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException notAWholeNumber) {
                throw new KeyValueFile.Unreadable(key + " is not a whole number: " + value);
            }
        }

        boolean bool(String key) throws KeyValueFile.Unreadable {
            return switch (text(key)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new KeyValueFile.Unreadable(key + " is neither true nor false: " + text(key));
            };
        }

        double[] bounds(String key) throws KeyValueFile.Unreadable {
            String value = text(key);
            if (value.isEmpty()) {
                return null;
            }
            String[] parts = value.split(",", -1);
            double[] bounds = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    bounds[i] = Double.parseDouble(parts[i]);
                } catch (NumberFormatException notANumber) {
                    throw new KeyValueFile.Unreadable(key + " is not four numbers: " + value);
                }
            }
            return bounds;
        }
    }
}
