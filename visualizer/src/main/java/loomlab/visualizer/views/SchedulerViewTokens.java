package loomlab.visualizer.views;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;

import loomlab.visualizer.model.VisualState;

/**
 * Goroutine tokens, the small coloured labels every view draws a goroutine as. The scheduler, the
 * channels and the context tree share them so that goroutine 3 looks the same everywhere: node id
 * {@code g-3}, style class {@code goroutine-token}, and the {@code :selected} pseudo-class while it
 * is the goroutine picked in the workbench. Its fill is the goroutine's {@link Palette} colour, the
 * same as in the table and the timeline: the token's inline style defines looked-up colours for
 * both themes and {@code scheduler.css} picks one, so switching theme stays a CSS matter.
 */
final class SchedulerViewTokens {
    /** On the tokens of the goroutine the person selected. */
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** Longest goroutine name shown on a token; the tooltip has it whole. */
    private static final int NAME_CHARS = 8;

    private SchedulerViewTokens() {
    }

    /** The node id of goroutine {@code g}'s token. */
    static String id(long g) {
        return "g-" + g;
    }

    /** A new token for goroutine {@code g}, or for a bare id when the state does not know it. */
    static Label token(long g, VisualState state) {
        Label token = new Label();
        token.setId(id(g));
        token.getStyleClass().add("goroutine-token");
        Color light = Palette.goroutine(g, false);
        Color dark = Palette.goroutine(g, true);
        token.setStyle("-ll-token: " + Palette.web(light) + "; -ll-token-text: " + Palette.web(Palette.textOn(light))
                + "; -ll-token-dark: " + Palette.web(dark) + "; -ll-token-dark-text: " + Palette.web(Palette.textOn(dark)) + ";");
        update(token, g, state);
        return token;
    }

    /** Sets the token's text and tooltip from the goroutine's present name and wait reason. */
    static void update(Label token, long g, VisualState state) {
        VisualState.Goroutine gr = state == null ? null : state.goroutine(g);
        String name = gr == null || gr.name() == null ? "" : gr.name();
        String shortName = name.length() <= NAME_CHARS ? name : name.substring(0, NAME_CHARS - 1) + "…";
        String text = shortName.isEmpty() ? "g" + g : "g" + g + " " + shortName;
        if (!text.equals(token.getText())) {
            token.setText(text);
        }
        String tip = "goroutine " + g + (name.isEmpty() ? "" : " (" + name + ")")
                + (gr == null ? "" : ": " + gr.state().name().toLowerCase()
                + (gr.waitReason() == null ? "" : ", " + gr.waitReason()));
        if (token.getTooltip() == null) {
            token.setTooltip(new Tooltip(tip));
        } else if (!tip.equals(token.getTooltip().getText())) {
            token.getTooltip().setText(tip);
        }
    }

    /** Marks the token selected iff it stands for {@code selected}. */
    static void mark(Label token, long g, long selected) {
        token.pseudoClassStateChanged(SELECTED, g == selected);
    }
}
