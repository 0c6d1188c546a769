package loomlab.app.store;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * The workbench's settings: what the learner chose and where they were.
 *
 * @param language     {@code "en"}, {@code "zh"}, or {@code ""} to follow the system
 * @param fontScale    1.0 is normal; a projector wants more
 * @param presentation whether the window is in presentation mode
 * @param seed         the seed of deterministic runs
 * @param procs        GOMAXPROCS of runs, at least 1
 * @param mode         {@code "real"} or {@code "deterministic"}
 * @param clock        {@code "real"} or {@code "virtual"}
 * @param speed        how fast a run plays in the views, in engine operations a second; 0 is as fast as it runs
 * @param lastLesson   the lesson open when the app closed, or {@code ""}
 * @param lastStep     the step of that lesson, or {@code ""}
 * @param lastExercise the exercise open when the app closed, or {@code ""}
 * @param windowBounds x, y, width, height of the window, or null for the default placement
 * @param dark         whether the dark theme is on
 */
public record Settings(String language, double fontScale, boolean presentation, long seed, int procs,
                       String mode, String clock, double speed, String lastLesson, String lastStep,
                       String lastExercise, double[] windowBounds, boolean dark) {

    private static final Set<String> MODES = Set.of("real", "deterministic");
    private static final Set<String> CLOCKS = Set.of("real", "virtual");

    /** Checks each setting; an impossible one throws {@link IllegalArgumentException}. */
    public Settings {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(lastLesson, "lastLesson");
        Objects.requireNonNull(lastStep, "lastStep");
        Objects.requireNonNull(lastExercise, "lastExercise");
        if (!language.isEmpty() && !language.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("language is not a language code: " + language);
        }
        requirePositive("fontScale", fontScale);
        if (!(speed >= 0) || !Double.isFinite(speed)) {
            throw new IllegalArgumentException("speed must be 0 or a positive number: " + speed);
        }
        if (procs < 1) {
            throw new IllegalArgumentException("procs must be at least 1: " + procs);
        }
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("mode is neither real nor deterministic: " + mode);
        }
        if (!CLOCKS.contains(clock)) {
            throw new IllegalArgumentException("clock is neither real nor virtual: " + clock);
        }
        if (windowBounds != null) {
            if (windowBounds.length != 4 || !Arrays.stream(windowBounds).allMatch(Double::isFinite)) {
                throw new IllegalArgumentException("windowBounds is not four numbers: " + Arrays.toString(windowBounds));
            }
            windowBounds = windowBounds.clone();
        }
    }

    /** Follow the system language, normal size, a deterministic run on two Ps with seed 1. */
    public static Settings defaults() {
        return new Settings("", 1.0, false, 1, 2, "deterministic", "virtual", 0, "", "", "", null, false);
    }

    /** A copy; changing it does not change these settings. */
    @Override
    public double[] windowBounds() {
        return windowBounds == null ? null : windowBounds.clone();
    }

    // ---- Copies with one thing changed --------------------------------------------------------

    public Settings withLanguage(String language) {
        return new Settings(language, fontScale, presentation, seed, procs, mode, clock, speed,
                lastLesson, lastStep, lastExercise, windowBounds, dark);
    }

    public Settings withFontScale(double fontScale) {
        return new Settings(language, fontScale, presentation, seed, procs, mode, clock, speed,
                lastLesson, lastStep, lastExercise, windowBounds, dark);
    }

    public Settings withPresentation(boolean presentation) {
        return new Settings(language, fontScale, presentation, seed, procs, mode, clock, speed,
                lastLesson, lastStep, lastExercise, windowBounds, dark);
    }

    public Settings withRun(long seed, int procs, String mode, String clock, double speed) {
        return new Settings(language, fontScale, presentation, seed, procs, mode, clock, speed,
                lastLesson, lastStep, lastExercise, windowBounds, dark);
    }

    public Settings withLastStep(String lastLesson, String lastStep) {
        return new Settings(language, fontScale, presentation, seed, procs, mode, clock, speed,
                lastLesson, lastStep, lastExercise, windowBounds, dark);
    }

    public Settings withLastExercise(String lastExercise) {
        return new Settings(language, fontScale, presentation, seed, procs, mode, clock, speed,
                lastLesson, lastStep, lastExercise, windowBounds, dark);
    }

    public Settings withWindowBounds(double[] windowBounds) {
        return new Settings(language, fontScale, presentation, seed, procs, mode, clock, speed,
                lastLesson, lastStep, lastExercise, windowBounds, dark);
    }

    public Settings withDark(boolean dark) {
        return new Settings(language, fontScale, presentation, seed, procs, mode, clock, speed,
                lastLesson, lastStep, lastExercise, windowBounds, dark);
    }

    // ---- Records compare arrays by identity; settings compare the bounds by value -------------

    @Override
    public boolean equals(Object other) {
        return other instanceof Settings that
                && language.equals(that.language)
                && Double.compare(fontScale, that.fontScale) == 0
                && presentation == that.presentation
                && seed == that.seed
                && procs == that.procs
                && mode.equals(that.mode)
                && clock.equals(that.clock)
                && Double.compare(speed, that.speed) == 0
                && lastLesson.equals(that.lastLesson)
                && lastStep.equals(that.lastStep)
                && lastExercise.equals(that.lastExercise)
                && Arrays.equals(windowBounds, that.windowBounds)
                && dark == that.dark;
    }

    @Override
    public int hashCode() {
        return Objects.hash(language, fontScale, presentation, seed, procs, mode, clock, speed,
                lastLesson, lastStep, lastExercise, Arrays.hashCode(windowBounds), dark);
    }

    @Override
    public String toString() {
        return "Settings[language=" + language + ", fontScale=" + fontScale + ", presentation=" + presentation
                + ", seed=" + seed + ", procs=" + procs + ", mode=" + mode + ", clock=" + clock
                + ", speed=" + speed + ", lastLesson=" + lastLesson + ", lastStep=" + lastStep
                + ", lastExercise=" + lastExercise + ", windowBounds=" + Arrays.toString(windowBounds)
                + ", dark=" + dark + "]";
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number: " + value);
        }
    }
}
