package loomlab.visualizer.views;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

/**
 * Writes a JavaFX image as an 8-bit RGBA PNG (RFC 2083).
 *
 * <p>Used for the screenshots the tests write and for saving a view as a picture.
 *
 * <p>Its own encoder, because the usual route, {@code SwingFXUtils} and {@code ImageIO}, would
 * bring javafx-swing and AWT into a module that otherwise needs neither.
 */
public final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int COLOR_TYPE_RGBA = 6;

    private PngWriter() {
    }

    public static void write(Image image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);

        Files.createDirectories(file.toAbsolutePath().getParent());
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
