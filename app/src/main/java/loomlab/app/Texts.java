package loomlab.app;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import loomlab.app.viewmodel.Notice;
import loomlab.lessons.Text;

/** The workbench's words in one language: its resource bundle, and the lessons' texts in the same language. */
final class Texts {
    static final String BUNDLE = "loomlab.app.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    Texts(Locale locale) {
        this.bundle = bundle(locale);
        this.locale = Text.isChinese(locale) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /**
     * The workbench texts in {@code locale}, else in English. Without the no-fallback control an
     * English request on a Chinese system would fall back to the default locale's Chinese.
     */
    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    ResourceBundle bundle() {
        return bundle;
    }

    /** English or Chinese: the language lessons and grading messages are asked for. */
    Locale locale() {
        return locale;
    }

    String get(String key) {
        return bundle.getString(key);
    }

    String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    String notice(Notice notice) {
        try {
            return format(notice.key(), notice.args().toArray());
        } catch (MissingResourceException e) {
            return notice.key() + " " + notice.args();
        }
    }

    String of(Text text) {
        return text == null ? "" : text.in(locale);
    }
}
