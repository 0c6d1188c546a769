package loomlab.visualizer.views;

import java.util.HashMap;
import java.util.Map;

import javafx.animation.FadeTransition;
import javafx.animation.ParallelTransition;
import javafx.animation.TranslateTransition;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.util.Duration;

/**
 * The step-mode motion all three views share: remember where each keyed node stood, redraw, then
 * let every node that changed container fly from its old place to its new one and every new node
 * fade in. Nodes are matched by key, not by pixel, so a redraw that reuses nodes is all it needs.
 *
 * <p>Only translations and fades: a move is "where it was" to "where it is", never a path through
 * the model's intermediate events, which a step may skip.
 */
final class SchedulerViewMotion {
    private final Map<Object, Point2D> before = new HashMap<>();
    private final Map<Object, Parent> parentsBefore = new HashMap<>();

    /** Records where each node of {@code nodes} stands now, in scene coordinates. */
    void remember(Map<?, ? extends Node> nodes) {
        nodes.forEach((key, node) -> {
            if (node.getScene() != null && node.getParent() != null) {
                node.setTranslateX(0);
                node.setTranslateY(0);
                Bounds b = node.localToScene(node.getBoundsInLocal());
                before.put(key, new Point2D(b.getMinX(), b.getMinY()));
                parentsBefore.put(key, node.getParent());
            }
        });
    }

    /**
     * After the redraw: lays {@code root} out and plays the moves of {@code nodes} over {@code d}.
     * Returns the transition, already playing, or null when nothing moved.
     */
    ParallelTransition play(Parent root, Map<?, ? extends Node> nodes, Duration d) {
        root.applyCss();
        root.layout();
        ParallelTransition all = new ParallelTransition();
        nodes.forEach((key, node) -> {
            if (node.getScene() == null || node.getParent() == null) {
                return;
            }
            Point2D was = before.get(key);
            if (was == null) {
                FadeTransition fade = new FadeTransition(d, node);
                fade.setFromValue(0);
                fade.setToValue(1);
                all.getChildren().add(fade);
            } else if (parentsBefore.get(key) != node.getParent()) {
                Bounds b = node.localToScene(node.getBoundsInLocal());
                TranslateTransition move = new TranslateTransition(d, node);
                move.setFromX(was.getX() - b.getMinX());
                move.setFromY(was.getY() - b.getMinY());
                move.setToX(0);
                move.setToY(0);
                node.setViewOrder(-1);
                move.setOnFinished(_ -> node.setViewOrder(0));
                all.getChildren().add(move);
            }
        });
        before.clear();
        parentsBefore.clear();
        if (all.getChildren().isEmpty()) {
            return null;
        }
        all.play();
        return all;
    }
}
