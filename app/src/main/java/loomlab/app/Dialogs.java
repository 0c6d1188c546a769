package loomlab.app;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The workbench's small dialogs: the keyboard shortcuts and About. */
final class Dialogs {
    private Dialogs() {
    }

    /** Help → Keyboard shortcuts: every entry of {@link Shortcut}, in the present language. */
    static Alert shortcuts(Window owner, Texts texts) {
        GridPane grid = shortcutGrid(texts);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(texts.get("dialog.shortcuts.title"));
        alert.setHeaderText(texts.get("dialog.shortcuts.header"));
        alert.getDialogPane().setContent(grid);
        alert.show();
        return alert;
    }

    static GridPane shortcutGrid(Texts texts) {
        GridPane grid = new GridPane();
        grid.setId("shortcutList");
        grid.setHgap(24);
        grid.setVgap(4);
        int row = 0;
        for (Shortcut s : Shortcut.values()) {
            Label keys = new Label(s.display());
            keys.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
            grid.addRow(row++, keys, new Label(texts.get(s.label).replace("_", "").replace("…", "")));
        }
        return grid;
    }

    static void about(Window owner, Texts texts) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, texts.get("dialog.about.text"), ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(texts.get("dialog.about.title"));
        alert.setHeaderText("LoomLab");
        alert.show();
    }
}
