package loomlab.exercises.checks;

import java.util.Map;
import java.util.StringJoiner;
import loomlab.lessons.Text;

/** How the checks name lists of things for the learner. */
final class Items {
    private Items() {
    }

    /** "job 4: 0 times; job 7: 2 times", and the same in Chinese. */
    static Text counts(String en, String zh, Map<? extends Comparable<?>, Integer> counts) {
        StringJoiner e = new StringJoiner("; ");
        StringJoiner z = new StringJoiner("；");
        counts.forEach((item, n) -> {
            e.add(en + " " + item + ": " + n + (n == 1 ? " time" : " times"));
            z.add(zh + " " + item + "：" + n + " 次");
        });
        return new Text(e.toString(), z.toString());
    }

    /** A string value as the learner's code returned it: {@code "ok"} in quotes, or {@code null}. */
    static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
