package loomlab.app;

import javafx.util.Subscription;

/**
 * Presentation mode and zoom. Zoom sets the root's font size, and everything sized in em follows;
 * presentation mode goes full screen, zooms to at least {@link #PRESENTATION_SCALE}, takes the
 * lesson list away (the step's Previous and Next buttons and Alt+Left/Right move on) and splits
 * the screen between the code and the views, for a projector at the back of a room.
 */
final class Presentation {
    /** The font size the workbench's scale 1 means, in pixels. */
    static final double BASE_FONT = 13;
    /** The code's font size at scale 1, in points (about the text's size: 13 px). */
    static final double CODE_POINTS = 10;
    /** Zoom in presentation mode, at least. */
    static final double PRESENTATION_SCALE = 1.4;
    static final double MIN_SCALE = 0.8;
    static final double MAX_SCALE = 2.5;
    private static final double ZOOM_STEP = 0.1;
    /** Headless Glass (the tests) has no screen to fill, and fails drawing a full-screen window. */
    private static final boolean HEADLESS = "headless".equals(System.getProperty("glass.platform"));

    private Presentation() {
    }

    /** Applies the workbench's scale and mode to a new layout, and keeps them applied. */
    static Subscription apply(Workbench bench, MainWindow window) {
        return Subscription.combine(
                bench.fontScale.subscribe(scale -> {
                    window.root().setStyle("-fx-font-size: " + Math.round(BASE_FONT * scale.doubleValue()) + "px;");
                    window.codeFontSize(CODE_POINTS * scale.doubleValue());
                }),
                bench.presentation.subscribe(on -> arrange(bench, window, on)));
    }

    private static void arrange(Workbench bench, MainWindow window, boolean on) {
        if (on) {
            if (!HEADLESS) {
                bench.stage.setFullScreenExitHint("");
                bench.stage.setFullScreen(true);
            }
            if (bench.fontScale.get() < PRESENTATION_SCALE) {
                bench.fontScale.set(PRESENTATION_SCALE);
            }
            window.workArea().getItems().remove(window.lessonsPane()); // the step's own Previous/Next lead
            window.workArea().setDividerPositions(0.5);
            window.centrePane().setDividerPositions(0.3, 0.74);
        } else {
            if (bench.stage.isFullScreen()) {
                bench.stage.setFullScreen(false);
            }
            if (bench.fontScale.get() == PRESENTATION_SCALE) {
                bench.fontScale.set(1);
            }
            if (!window.workArea().getItems().contains(window.lessonsPane())) {
                window.workArea().getItems().addFirst(window.lessonsPane());
            }
            window.workArea().setDividerPositions(0.16, 0.6);
            window.centrePane().setDividerPositions(0.34, 0.74);
        }
    }

    /** Zooms in (+1), out (-1) or back to normal size (0). */
    static void zoom(Workbench bench, int direction) {
        double scale = direction == 0 ? 1 : bench.fontScale.get() + direction * ZOOM_STEP;
        bench.fontScale.set(Math.clamp(Math.round(scale * 10) / 10.0, MIN_SCALE, MAX_SCALE));
    }
}
