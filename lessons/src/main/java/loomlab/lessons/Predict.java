package loomlab.lessons;

import java.util.List;

/**
 * A question the learner answers before running the example, then checks against the run.
 *
 * @param kind        how the right answer is known
 * @param question    the question
 * @param choices     the answers offered; for {@link Kind#FIRST_LINE} each is an output line
 * @param answer      index of the right choice for {@link Kind#CHOICE}; for {@link Kind#FIRST_LINE}
 *                    the one the example's deterministic run gives (a lesson test keeps it true)
 * @param explanation why, shown after the run
 */
public record Predict(Kind kind, Text question, List<Text> choices, int answer, Text explanation) {
    public enum Kind {
        /** Multiple choice; the author's answer is checked by the lesson's tests. */
        CHOICE,
        /** "Which line prints first?": the run's own output decides. */
        FIRST_LINE
    }

    public Predict {
        choices = List.copyOf(choices);
        if (answer < 0 || answer >= choices.size()) {
            throw new IllegalArgumentException("answer " + answer + " is not one of " + choices.size() + " choices");
        }
    }

    /**
     * The right choice given what a run printed: for {@link Kind#FIRST_LINE}, the choice whose
     * English text is the first of the choices to appear among {@code output}'s lines (-1 if none
     * does); for {@link Kind#CHOICE}, {@link #answer}.
     */
    public int rightChoice(List<String> output) {
        if (kind == Kind.CHOICE) {
            return answer;
        }
        for (String line : output) {
            for (int i = 0; i < choices.size(); i++) {
                if (line.strip().equals(choices.get(i).en().strip())) {
                    return i;
                }
            }
        }
        return -1;
    }
}
