package loomlab.exercises.grading;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One submission being graded: what the checks need to know, handed to them across the JUnit
 * Launcher. The Grader opens a session, passes its {@link #id()} as the configuration parameter
 * {@value #PARAMETER}, runs the grading class, and closes it; {@link GradingExtension} finds it by
 * that id for each check. (A configuration parameter is a string, and a compiled class is not.)
 */
public final class GradingSession implements AutoCloseable {
    /** The JUnit configuration parameter that carries the session's id. */
    public static final String PARAMETER = "loomlab.grading.session";
    private static final Map<String, GradingSession> OPEN = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final String exerciseId;
    private final Class<?> submission;
    private final GradingSettings settings;
    private final Path runsDir;

    private GradingSession(String exerciseId, Class<?> submission, GradingSettings settings, Path runsDir) {
        this.exerciseId = Objects.requireNonNull(exerciseId, "exerciseId");
        this.submission = Objects.requireNonNull(submission, "submission");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.runsDir = runsDir;
    }

    /**
     * Opens a session for the learner's compiled class {@code submission}; failing runs are saved
     * under {@code runsDir/<exerciseId>/} (not at all if {@code runsDir} is null).
     */
    public static GradingSession open(String exerciseId, Class<?> submission, GradingSettings settings, Path runsDir) {
        GradingSession s = new GradingSession(exerciseId, submission, settings, runsDir);
        OPEN.put(s.id, s);
        return s;
    }

    static Optional<GradingSession> find(String id) {
        return Optional.ofNullable(OPEN.get(id));
    }

    public String id() {
        return id;
    }

    String exerciseId() {
        return exerciseId;
    }

    Class<?> submission() {
        return submission;
    }

    GradingSettings settings() {
        return settings;
    }

    /** Where this exercise's failing runs go, or null. */
    Path runsDir() {
        return runsDir == null ? null : runsDir.resolve(exerciseId);
    }

    @Override
    public void close() {
        OPEN.remove(id);
    }
}
