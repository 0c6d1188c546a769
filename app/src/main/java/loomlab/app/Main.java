package loomlab.app;

import javafx.application.Application;

/**
 * Starts the workbench.
 *
 * <p>A plain class, not the {@link Application} subclass, is the entry point: when the main class
 * itself extends {@code Application}, the JDK launcher insists that JavaFX be on the module path,
 * and LoomLab puts JavaFX on the class path.
 */
public final class Main {
    /** When {@code main} began: the workbench logs its launch time from here. */
    static final long STARTED_NANOS = System.nanoTime();

    private Main() {
    }

    public static void main(String[] args) {
        Startup.begin(); // reads the catalogs and loads classes while JavaFX starts
        Application.launch(LoomLabApp.class, args);
    }
}
