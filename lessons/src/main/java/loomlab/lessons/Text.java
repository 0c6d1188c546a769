package loomlab.lessons;

import java.util.Locale;
import java.util.Objects;

/**
 * A text in English and in Chinese: every word a learner reads in a lesson or an exercise.
 *
 * @param en the English text; never blank
 * @param zh the Chinese (simplified) text; never blank in built-in content
 */
public record Text(String en, String zh) {
    public Text {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zh, "zh");
    }

    /** The same text in both languages: code, names, numbers. */
    public static Text of(String both) {
        return new Text(both, both);
    }

    /** The text in {@code locale}'s language: Chinese for any {@code zh} locale, else English. */
    public String in(Locale locale) {
        return isChinese(locale) && !zh.isBlank() ? zh : en;
    }

    public static boolean isChinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }
}
