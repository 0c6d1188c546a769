package loomlab.app.store;

import java.nio.file.Path;

/**
 * Where LoomLab keeps what must outlive the app: settings, progress and the learner's code.
 *
 * <p>The first that is set wins: the system property {@code loomlab.home} (tests and the
 * launcher), the environment variable {@code LOOMLAB_HOME}, then {@code ~/.loomlab}.
 */
public final class LoomLabHome {
    /** The system property that names the home directory. */
    public static final String PROPERTY = "loomlab.home";
    /** The environment variable that names the home directory. */
    public static final String ENVIRONMENT = "LOOMLAB_HOME";

    private LoomLabHome() {
    }

    /** The home directory, absolute; it may not exist yet (the stores create it on first save). */
    public static Path resolve() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        String environment = System.getenv(ENVIRONMENT);
        if (environment != null && !environment.isBlank()) {
            return Path.of(environment).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".loomlab").toAbsolutePath();
    }
}
