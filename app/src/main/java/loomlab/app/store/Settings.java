package loomlab.app.store;

/** TEMPORARY stand-in for branch appkit's record; removed before merging main. */
public record Settings(String language, double fontScale, boolean presentation, long seed, int procs, String mode,
                       String clock, double speed, String lastLesson, String lastStep, String lastExercise,
                       double[] windowBounds) {
    public static Settings defaults() {
        return new Settings("", 1.0, false, 1, 2, "deterministic", "virtual", 0, "", "", "", new double[0]);
    }
}
