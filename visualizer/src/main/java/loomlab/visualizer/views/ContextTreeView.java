package loomlab.visualizer.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.util.Duration;

import loomlab.visualizer.model.VisualState;

/**
 * The context tree, drawn top-down: a node per context (its constructor, its key = value or
 * deadline, a countdown on the run's clock, and once cancelled its error and cause), an edge to
 * each child, and under each node the goroutines parked on its {@code Done()} channel.
 *
 * <p>Node ids: {@code ctx-5} (a context's card; pseudo-class {@code :canceled} once cancelled),
 * {@code ctx-5-waiters} (the goroutines hanging under it), tokens {@code g-3}. Background and TODO
 * are ids -1 and -2, as the engine numbers them.
 *
 * <p>Layout: each leaf takes the next column, each parent sits over the middle of its children;
 * simple and stable as nodes are added, which a step-by-step reader needs more than compactness.
 * In step mode a cancellation runs down the tree: newly cancelled nodes flash one depth after another.
 */
public final class ContextTreeView extends Pane {
    /** A card's width and the gaps around it, in pixels. */
    static final double CARD_WIDTH = 170;
    private static final double COLUMN = CARD_WIDTH + 24;
    private static final double ROW = 150;
    private static final double MARGIN = 12;
    private static final PseudoClass CANCELED = PseudoClass.getPseudoClass("canceled");

    private final Map<Long, ContextTreeViewCard> cards = new HashMap<>();
    private final Map<Long, Line> edges = new HashMap<>();
    private final Label none = new Label(ViewTexts.get("contexts.none"));
    private long selected;

    public ContextTreeView() {
        getStyleClass().add("context-tree-view");
        getStylesheets().add(SchedulerView.class.getResource("scheduler.css").toExternalForm());
        getStylesheets().add(ContextTreeView.class.getResource("contexts.css").toExternalForm());
        none.getStyleClass().add("caption");
        none.relocate(MARGIN, MARGIN);
    }

    // ---------------------------------------------------------------- commands

    /** Redraws the tree as {@code state} has it. */
    public void show(VisualState state) {
        Map<Long, List<Long>> waiters = ContextTreeViewCard.waitersByContext(state);
        Map<Long, double[]> at = new LinkedHashMap<>();
        double[] nextColumn = {0};
        for (VisualState.Context c : state.contexts()) {
            if (c.parent() == 0 || state.context(c.parent()) == null) {
                place(state, c, 0, nextColumn, at);
            }
        }
        List<Node> wanted = new ArrayList<>();
        for (VisualState.Context c : state.contexts()) {
            if (!at.containsKey(c.id())) {
                continue;
            }
            Line edge = c.parent() == 0 || !at.containsKey(c.parent()) ? null : edges.computeIfAbsent(c.id(), _ -> {
                Line l = new Line();
                l.getStyleClass().add("edge");
                return l;
            });
            if (edge != null) {
                double[] from = at.get(c.parent());
                double[] to = at.get(c.id());
                edge.setStartX(from[0] + CARD_WIDTH / 2);
                edge.setStartY(from[1] + 60);
                edge.setEndX(to[0] + CARD_WIDTH / 2);
                edge.setEndY(to[1]);
                edge.pseudoClassStateChanged(CANCELED, c.cancelled());
                wanted.addFirst(edge);
            }
        }
        for (VisualState.Context c : state.contexts()) {
            double[] xy = at.get(c.id());
            if (xy == null) {
                continue;
            }
            ContextTreeViewCard card = cards.computeIfAbsent(c.id(), ContextTreeViewCard::new);
            card.show(c, state, waiters.getOrDefault(c.id(), List.of()), selected);
            card.box.pseudoClassStateChanged(CANCELED, c.cancelled());
            card.box.relocate(xy[0], xy[1]);
            wanted.add(card.box);
        }
        if (state.contexts().isEmpty()) {
            wanted.add(none);
        }
        if (!getChildren().equals(wanted)) {
            getChildren().setAll(wanted);
        }
    }

    /** Redraws as {@code after}; a cancellation runs down the tree, one depth per step of {@code d}. */
    public void animate(VisualState before, VisualState after, Duration d) {
        show(after);
        int depths = 0;
        Map<Long, Integer> depth = new HashMap<>();
        for (VisualState.Context c : after.contexts()) {
            VisualState.Context was = before.context(c.id());
            if (c.cancelled() && (was == null || !was.cancelled())) {
                int k = depthOf(after, c);
                depth.put(c.id(), k);
                depths = Math.max(depths, k + 1);
            }
        }
        Duration each = d.divide(Math.max(1, depths));
        depth.forEach((id, k) -> {
            Node card = cards.get(id).box;
            card.setOpacity(0.2);
            FadeTransition in = new FadeTransition(each, card);
            in.setFromValue(0.2);
            in.setToValue(1);
            new SequentialTransition(new PauseTransition(each.multiply(k)), in).play();
        });
    }

    /** Marks goroutine {@code g}'s tokens under the contexts {@code :selected} (0: none). */
    public void highlight(long g) {
        selected = g;
        cards.values().forEach(card -> card.mark(selected));
    }

    // ---------------------------------------------------------------- layout

    /** Places {@code c} and its subtree; returns the x of its card. Leaves take the next column. */
    private double place(VisualState state, VisualState.Context c, int depth, double[] nextColumn, Map<Long, double[]> at) {
        List<Double> xs = new ArrayList<>();
        for (long child : c.children()) {
            VisualState.Context cc = state.context(child);
            if (cc != null && !at.containsKey(child)) {
                xs.add(place(state, cc, depth + 1, nextColumn, at));
            }
        }
        double x = xs.isEmpty() ? MARGIN + COLUMN * nextColumn[0]++ : (xs.getFirst() + xs.getLast()) / 2;
        at.put(c.id(), new double[] {x, MARGIN + ROW * depth});
        return x;
    }

    private static int depthOf(VisualState state, VisualState.Context c) {
        int k = 0;
        for (VisualState.Context p = state.context(c.parent()); p != null && k < 1000; p = state.context(p.parent())) {
            k++;
        }
        return k;
    }

    /** A flow of tokens, for the cards. */
    static FlowPane waitersBox(long ctx) {
        FlowPane f = new FlowPane();
        f.setId("ctx-" + ctx + "-waiters");
        f.getStyleClass().add("waiters");
        return f;
    }

    /** A card's box, for the cards. */
    static VBox cardBox(long ctx) {
        VBox box = new VBox();
        box.setId("ctx-" + ctx);
        box.getStyleClass().add("context");
        box.setPrefWidth(CARD_WIDTH);
        box.setMinWidth(CARD_WIDTH);
        box.setMaxWidth(CARD_WIDTH);
        return box;
    }
}
