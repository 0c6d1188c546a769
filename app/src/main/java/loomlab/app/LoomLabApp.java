package loomlab.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The LoomLab workbench window.
 *
 * <p>For now the window is its static layout only ({@code MainWindow.fxml}): the lessons on the
 * left, the lesson and its editor in the centre, the views on the right.
 */
public final class LoomLabApp extends Application {

    /** The window's first size: fits a 1280x800 projector. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    static final String MESSAGES = "loomlab.app.messages";

    @Override
    public void start(Stage stage) {
        show(stage, Locale.getDefault());
    }

    /** Lays the window out in the given language and shows it. Must run on the FX thread. */
    void show(Stage stage, Locale locale) {
        ResourceBundle messages = messages(locale);
        stage.setTitle(messages.getString("app.title"));
        stage.setScene(new Scene(loadMainWindow(messages), WIDTH, HEIGHT));
        stage.show();
    }

    /**
     * The workbench texts in {@code locale}, else in English. Without the no-fallback control an
     * English request on a Chinese system would fall back to the default locale's Chinese.
     */
    static ResourceBundle messages(Locale locale) {
        return ResourceBundle.getBundle(MESSAGES, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static Parent loadMainWindow(ResourceBundle messages) {
        FXMLLoader loader = new FXMLLoader(LoomLabApp.class.getResource("MainWindow.fxml"), messages);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("MainWindow.fxml is missing or broken", e);
        }
    }
}
