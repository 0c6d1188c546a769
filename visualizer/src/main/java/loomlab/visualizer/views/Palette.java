package loomlab.visualizer.views;

import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.paint.Color;

/**
 * The colours of the views: one per goroutine, fixed by its id, and the themes.
 *
 * <p>A goroutine's hue steps by the golden angle (about 137.5°) per id, so neighbours always
 * differ and no two of the first few dozen look alike, however many there are; the model's
 * {@code colour} index (12 colours) would repeat every twelfth goroutine. Each colour has a light
 * and a dark variant, both meant as a <em>fill</em> under dark text ({@link #textOn}), so tags and
 * chips read the same in both themes.
 *
 * <p>The themes are CSS: {@code theme.css} defines the looked-up colours {@code -ll-bg},
 * {@code -ll-fg}, {@code -ll-muted}, {@code -ll-accent}, {@code -ll-running}, {@code -ll-runnable}
 * and {@code -ll-blocked} under {@code .root}, and again under {@code .root.dark}.
 */
public final class Palette {
    /** The style class on the scene's root that selects the dark theme. */
    public static final String DARK = "dark";

    /** Hue step between consecutive goroutine ids, in degrees: 360° × (1 − 1/φ). */
    private static final double GOLDEN_ANGLE = 137.50776405003785;
    /** Colours cached per id below this, so a frame's drawing allocates nothing. */
    private static final int CACHED = 4096;
    private static final Color[] LIGHT = new Color[CACHED];
    private static final Color[] DARK_FILLS = new Color[CACHED];
    private static final List<String> SHEETS = List.of("theme.css", "table.css", "timeline.css", "console.css");

    private Palette() {
    }

    /** Goroutine {@code g}'s fill in the light theme; g ≤ 0 (the runtime, a timer) is grey. */
    public static Color goroutine(long g) {
        return goroutine(g, false);
    }

    /** Goroutine {@code g}'s fill in the light or dark theme; g ≤ 0 (the runtime, a timer) is grey. */
    public static Color goroutine(long g, boolean dark) {
        if (g > 0 && g < CACHED) {
            Color[] cache = dark ? DARK_FILLS : LIGHT;
            Color c = cache[(int) g];
            if (c == null) {
                c = make(g, dark);
                cache[(int) g] = c;
            }
            return c;
        }
        return make(g, dark);
    }

    private static Color make(long g, boolean dark) {
        if (g <= 0) {
            return dark ? Color.gray(0.62) : Color.gray(0.72);
        }
        double hue = ((g - 1) * GOLDEN_ANGLE) % 360;
        return dark ? Color.hsb(hue, 0.50, 0.92) : Color.hsb(hue, 0.42, 0.97);
    }

    /** Goroutine {@code g}'s fill as a CSS colour ({@code #rrggbb}), for inline styles. */
    public static String css(long g, boolean dark) {
        return web(goroutine(g, dark));
    }

    /** {@code c} as {@code #rrggbb}. */
    public static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x",
                Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    /** Black or white, whichever reads better on {@code fill}. */
    public static Color textOn(Color fill) {
        double luminance = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
        return luminance > 0.5 ? Color.BLACK : Color.WHITE;
    }

    /** Whether {@code node} is shown in the dark theme (its scene's root has {@link #DARK}). */
    public static boolean isDark(Node node) {
        return node.getScene() != null && node.getScene().getRoot().getStyleClass().contains(DARK);
    }

    /** Adds the views' style sheets to {@code root} and selects the light or dark theme. */
    public static void applyTheme(Parent root, boolean dark) {
        for (String sheet : SHEETS) {
            String url = Palette.class.getResource(sheet).toExternalForm();
            if (!root.getStylesheets().contains(url)) {
                root.getStylesheets().add(url);
            }
        }
        root.getStyleClass().remove(DARK);
        if (dark) {
            root.getStyleClass().add(DARK);
        }
    }
}
