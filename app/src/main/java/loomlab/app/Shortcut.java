package loomlab.app;

import javafx.scene.input.KeyCombination;

/**
 * The keyboard shortcuts: one table, read by the menus (accelerators), the tool bar (tooltips) and
 * Help → Keyboard shortcuts, so the three cannot disagree.
 */
enum Shortcut {
    RUN("run.run", "F5"),
    PAUSE("run.pause", "F6"),
    STEP("run.step", "F7"),
    RESUME("run.resume", "F8"),
    STOP("run.stop", "Shift+F5"),
    RESET("run.reset", "Shortcut+R"),
    STEP_MODE("run.stepMode", "Shortcut+T"),
    PREVIOUS_STEP("shortcut.previousStep", "Alt+Left"),
    NEXT_STEP("shortcut.nextStep", "Alt+Right"),
    OPEN_RUN("menu.file.openRun", "Shortcut+O"),
    SAVE_RUN("menu.file.saveRun", "Shortcut+Shift+S"),
    EXPORT("menu.file.exportPerfetto", "Shortcut+E"),
    PRESENTATION("shortcut.presentation", "F11"),
    ZOOM_IN("shortcut.zoomIn", "Shortcut+Equals"),
    ZOOM_OUT("shortcut.zoomOut", "Shortcut+Minus"),
    ZOOM_RESET("menu.view.zoomReset", "Shortcut+Digit0"),
    QUIT("menu.file.quit", "Shortcut+Q");

    /** The bundle key of what it does. */
    final String label;
    final KeyCombination keys;

    Shortcut(String label, String keys) {
        this.label = label;
        this.keys = KeyCombination.valueOf(keys);
    }

    /** How the keys read on this platform, e.g. "Ctrl+R". */
    String display() {
        return keys.getDisplayText();
    }
}
