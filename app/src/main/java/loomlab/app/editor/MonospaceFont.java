package loomlab.app.editor;

import java.util.List;

import javafx.scene.text.Font;

/** The monospaced font family for code: one with CJK glyphs if installed, so Chinese comments line up. */
public final class MonospaceFont {
    /** Families tried in order: monospaced with CJK glyphs (Linux, then Windows). */
    private static final List<String> PREFERRED = List.of(
            "Noto Sans Mono CJK SC", "Sarasa Mono SC", "Source Han Mono SC", "NSimSun", "MS Gothic");
    /** JavaFX's logical monospaced font: its platform fallbacks cover CJK where no family above exists. */
    private static final String LOGICAL = "Monospaced";

    private static volatile String family;

    private MonospaceFont() {
    }

    /** The family name, for CSS ({@code -fx-font-family}) or {@link Font#font(String, double)}. */
    public static String family() {
        String chosen = family;
        if (chosen == null) {
            List<String> installed = Font.getFamilies();
            chosen = PREFERRED.stream().filter(installed::contains).findFirst().orElse(LOGICAL);
            family = chosen;
        }
        return chosen;
    }
}
