package loomlab.visualizer.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;

import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves what a view looks like as a PNG under {@code target/screenshots/}, for a person to look at
 * after the build, with the visualizer's {@link PngWriter}.
 */
public final class ViewScreenshots {
    /** Where screenshots go, relative to the module. */
    public static final Path DIR = Path.of("target", "screenshots");

    private ViewScreenshots() {
    }

    /**
     * Snapshots {@code node} on the FX thread (after a layout pass, so CSS is applied) and writes it
     * to {@code file}. Call from the test thread or the FX thread; the node should be in a scene.
     */
    public static void write(Node node, Path file) throws IOException {
        Image image;
        if (Platform.isFxApplicationThread()) {
            image = snap(node);
        } else {
            WaitForAsyncUtils.waitForFxEvents();
            try {
                image = WaitForAsyncUtils.asyncFx(() -> snap(node)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while taking a snapshot", e);
            } catch (ExecutionException e) {
                throw new IOException("snapshot failed", e.getCause());
            }
        }
        writePng(image, file);
    }

    private static WritableImage snap(Node node) {
        if (node.getScene() != null) {
            node.getScene().getRoot().applyCss();
            node.getScene().getRoot().layout();
        } else {
            node.applyCss();
        }
        return node.snapshot(null, null);
    }

    /** Writes {@code image} as a PNG. */
    public static void writePng(Image image, Path file) throws IOException {
        PngWriter.write(image, file);
    }
}
