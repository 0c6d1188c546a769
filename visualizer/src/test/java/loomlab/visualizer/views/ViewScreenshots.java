package loomlab.visualizer.views;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves what a view looks like as a PNG under {@code target/screenshots/}, for a person to look at
 * after the build. Its own PNG encoder (RFC 2083, 8-bit RGBA), because {@code SwingFXUtils} and
 * {@code ImageIO} would bring javafx-swing and AWT into tests that otherwise need neither.
 */
public final class ViewScreenshots {
    /** Where screenshots go, relative to the module. */
    public static final Path DIR = Path.of("target", "screenshots");

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int COLOR_TYPE_RGBA = 6;

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
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);

        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write(SIGNATURE);
            writeChunk(out, "IHDR", header(width, height));
            writeChunk(out, "IDAT", compressedScanlines(argb, width, height));
            writeChunk(out, "IEND", new byte[0]);
        }
    }

    private static byte[] header(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(width);
        out.writeInt(height);
        out.writeByte(8);               // bits per sample
        out.writeByte(COLOR_TYPE_RGBA);
        out.writeByte(0);               // compression: deflate
        out.writeByte(0);               // filter method: adaptive
        out.writeByte(0);               // no interlace
        return bytes.toByteArray();
    }

    /** Each scanline is filter type 0 (none) followed by R, G, B, A per pixel. */
    private static byte[] compressedScanlines(int[] argb, int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(bytes)) {
            byte[] line = new byte[1 + 4 * width];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int pixel = argb[y * width + x];
                    int i = 1 + 4 * x;
                    line[i] = (byte) (pixel >>> 16);
                    line[i + 1] = (byte) (pixel >>> 8);
                    line[i + 2] = (byte) pixel;
                    line[i + 3] = (byte) (pixel >>> 24);
                }
                out.write(line);
            }
        }
        return bytes.toByteArray();
    }

    private static void writeChunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
