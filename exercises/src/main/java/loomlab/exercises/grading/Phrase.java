package loomlab.exercises.grading;

import java.util.Locale;
import loomlab.lessons.Text;

/** Builds the learner's messages: one format per language, the same arguments. */
public final class Phrase {
    private Phrase() {
    }

    /** {@code String.format} of {@code en} and of {@code zh} with {@code args}. */
    public static Text of(String en, String zh, Object... args) {
        return new Text(String.format(Locale.ROOT, en, args), String.format(Locale.ROOT, zh, args));
    }

    /** {@code first}, a line break, then {@code second}, in each language. */
    public static Text lines(Text first, Text second) {
        return new Text(first.en() + "\n" + second.en(), first.zh() + "\n" + second.zh());
    }
}
