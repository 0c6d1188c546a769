package loomlab.app.viewmodel;

import java.util.List;

/**
 * Something the workbench tells the learner: a message key of the workbench's resource bundles and
 * its arguments ({@code MessageFormat}), so that a ViewModel says what happened and the window
 * says it in the learner's language.
 *
 * @param key   the bundle key, e.g. {@code notice.compileFailed}
 * @param error whether it reports a failure (shown as one) rather than news
 * @param args  the arguments of the message
 */
public record Notice(String key, boolean error, List<Object> args) {
    public Notice {
        args = List.copyOf(args);
    }

    public static Notice info(String key, Object... args) {
        return new Notice(key, false, List.of(args));
    }

    public static Notice error(String key, Object... args) {
        return new Notice(key, true, List.of(args));
    }
}
