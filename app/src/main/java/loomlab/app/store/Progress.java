package loomlab.app.store;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the learner has done: the lesson steps finished and the best grade of each exercise.
 * Immutable; the {@code with} methods return a changed copy. Maps and sets iterate in id order.
 *
 * @param stepsDone lesson id to the ids of its finished steps
 * @param bestScore exercise id to its best score, from 0 to 1
 */
public record Progress(Map<String, Set<String>> stepsDone, Map<String, Double> bestScore) {

    public Progress {
        SortedMap<String, Set<String>> steps = new TreeMap<>();
        stepsDone.forEach((lesson, done) -> steps.put(lesson, Collections.unmodifiableSortedSet(new TreeSet<>(done))));
        stepsDone = Collections.unmodifiableSortedMap(steps);
        bestScore.values().forEach(Progress::requireScore);
        bestScore = Collections.unmodifiableSortedMap(new TreeMap<>(bestScore));
    }

    public static Progress empty() {
        return new Progress(Map.of(), Map.of());
    }

    /** This progress with {@code step} of {@code lesson} finished. */
    public Progress withStepDone(String lesson, String step) {
        Map<String, Set<String>> steps = new TreeMap<>(stepsDone);
        Set<String> done = new TreeSet<>(steps.getOrDefault(lesson, Set.of()));
        done.add(step);
        steps.put(lesson, done);
        return new Progress(steps, bestScore);
    }

    /** This progress with {@code score} for {@code exercise}, if it beats the best so far. */
    public Progress withScore(String exercise, double score) {
        requireScore(score);
        Map<String, Double> scores = new TreeMap<>(bestScore);
        scores.merge(exercise, score, Math::max);
        return new Progress(stepsDone, scores);
    }

    public boolean isStepDone(String lesson, String step) {
        return stepsDone.getOrDefault(lesson, Set.of()).contains(step);
    }

    private static void requireScore(double score) {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a score is from 0 to 1: " + score);
        }
    }
}
