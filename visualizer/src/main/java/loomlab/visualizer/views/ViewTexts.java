package loomlab.visualizer.views;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The words the views show, in English or Chinese ({@code texts.properties}, {@code texts_zh.properties}).
 * Go's own words — wait reasons such as {@code chan receive}, {@code context canceled}, goroutine
 * states — stay as Go prints them, in every language: they are what a learner will meet in Go's
 * dumps.
 *
 * <p>A view reads its texts when it is built and when it redraws; the workbench sets the language
 * before it builds the views, and builds them again when the language changes.
 */
public final class ViewTexts {
    private static final String BUNDLE = "loomlab.visualizer.views.texts";
    private static volatile Locale locale = Locale.getDefault();
    private static volatile ResourceBundle bundle = load(locale);

    private ViewTexts() {
    }

    /** Views built from now on speak {@code locale}'s language (Chinese for any {@code zh}, else English). */
    public static void setLocale(Locale locale) {
        ViewTexts.locale = Objects.requireNonNull(locale, "locale");
        bundle = load(locale);
    }

    public static Locale locale() {
        return locale;
    }

    /** The text of {@code key}, its {@code {0}}, {@code {1}}… filled with {@code args}. */
    public static String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    private static ResourceBundle load(Locale locale) {
        // No fallback to the system's language: an English request on a Chinese system stays English.
        return ResourceBundle.getBundle(BUNDLE, "zh".equals(locale.getLanguage()) ? Locale.CHINESE : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
