package loomlab.exercises.grading;

import java.util.Objects;
import loomlab.lessons.Text;

/**
 * A property of the learner's code did not hold in this run: thrown by {@link Run#fail} from any
 * goroutine of the run. The run ends as a panic would end it; the check reports {@link #text()}.
 */
public final class Violation extends RuntimeException {
    private final transient Text text;

    public Violation(Text text) {
        super(Objects.requireNonNull(text, "text").en(), null, false, false);
        this.text = text;
    }

    /** What went wrong, for the learner, in both languages. */
    public Text text() {
        return text;
    }
}
