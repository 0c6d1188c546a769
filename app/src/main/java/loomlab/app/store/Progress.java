package loomlab.app.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** TEMPORARY stand-in for branch appkit's record; removed before merging main. */
public record Progress(Map<String, Set<String>> stepsDone, Map<String, Double> bestScore) {
    public static Progress empty() {
        return new Progress(Map.of(), Map.of());
    }

    public Progress withStepDone(String lesson, String step) {
        Map<String, Set<String>> m = new HashMap<>(stepsDone);
        Set<String> s = new HashSet<>(m.getOrDefault(lesson, Set.of()));
        s.add(step);
        m.put(lesson, s);
        return new Progress(m, bestScore);
    }

    public Progress withScore(String exercise, double score) {
        Map<String, Double> m = new HashMap<>(bestScore);
        m.merge(exercise, score, Math::max);
        return new Progress(stepsDone, m);
    }
}
