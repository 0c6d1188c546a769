package loomlab.app.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The progress in {@code <home>/progress.txt}, a {@link KeyValueFile} of kind
 * {@code loomlab-progress}, version 1:
 * <pre>
 * done=&lt;lesson id&gt; &lt;step id&gt;      one line per finished step
 * score=&lt;exercise id&gt; &lt;0..1&gt;     one line per graded exercise, its best score
 * </pre>
 * Ids are escaped ({@code \s} for a space), so the space between the parts is unambiguous. Keys
 * this version does not know are ignored. A file that cannot be read is set aside and empty
 * progress is returned.
 */
public final class ProgressStore {
    static final String FILE_NAME = "progress.txt";
    private static final String KIND = "loomlab-progress";
    private static final int VERSION = 1;
    private static final String COMMENT = """
            LoomLab progress, written by the app: "done=<lesson> <step>" and "score=<exercise> <best, 0 to 1>".
            A file LoomLab cannot read is renamed to progress.txt.corrupt-<date> and progress starts afresh.""";

    private final Path file;

    public ProgressStore(Path home) {
        this.file = home.resolve(FILE_NAME);
    }

    /** The file this store reads and writes. */
    public Path file() {
        return file;
    }

    public Loaded<Progress> load() {
        return StoredFile.load(file, Progress.empty(), ProgressStore::parse);
    }

    public void save(Progress p) throws IOException {
        AtomicFiles.write(file, format(p));
    }

    static String format(Progress p) {
        List<KeyValueFile.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Set<String>> lesson : p.stepsDone().entrySet()) {
            for (String step : lesson.getValue()) {
                entries.add(new KeyValueFile.Entry("done", List.of(lesson.getKey(), step)));
            }
        }
        p.bestScore().forEach((exercise, score) ->
                entries.add(new KeyValueFile.Entry("score", List.of(exercise, Double.toString(score)))));
        return KeyValueFile.format(KIND, VERSION, COMMENT, entries);
    }

    static Progress parse(String text) throws KeyValueFile.Unreadable {
        Progress progress = Progress.empty();
        for (KeyValueFile.Entry entry : KeyValueFile.parse(text, KIND, VERSION)) {
            switch (entry.key()) {
                case "done" -> {
                    List<String> pair = pair(entry);
                    progress = progress.withStepDone(pair.get(0), pair.get(1));
                }
                case "score" -> {
                    List<String> pair = pair(entry);
                    progress = progress.withScore(pair.get(0), score(pair.get(1)));
                }
                default -> { }  // written by a later version; kept out of this one's way
            }
        }
        return progress;
    }

    private static List<String> pair(KeyValueFile.Entry entry) throws KeyValueFile.Unreadable {
        List<String> parts = entry.parts();
        if (parts.size() != 2 || parts.get(0).isEmpty() || parts.get(1).isEmpty()) {
            throw new KeyValueFile.Unreadable(entry.key() + " is not two parts separated by a space: " + parts);
        }
        return parts;
    }

    private static double score(String value) throws KeyValueFile.Unreadable {
        try {
            double score = Double.parseDouble(value);
            if (score >= 0 && score <= 1) {
                return score;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new KeyValueFile.Unreadable("a score is a number from 0 to 1: " + value);
    }
}
