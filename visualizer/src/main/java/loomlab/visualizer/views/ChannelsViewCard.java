package loomlab.visualizer.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

import loomlab.visualizer.model.VisualState;

/**
 * One channel's card in the {@link ChannelsView}: title, parked senders, ring buffer, parked
 * receivers. Slots and waiter tokens are kept and updated in place; only a change of capacity
 * (never, in one run) or of the queues' members rebuilds a row.
 */
final class ChannelsViewCard {
    private static final PseudoClass SENDX = PseudoClass.getPseudoClass("sendx");
    private static final PseudoClass RECVX = PseudoClass.getPseudoClass("recvx");
    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");

    final VBox box = new VBox();
    private final long id;
    private final Label title = new Label();
    private final FlowPane sendq;
    private final FlowPane recvq;
    private final HBox slots = new HBox();
    private final Label unbuffered = new Label("no buffer:\na send waits\nfor a receiver");
    /** Parked senders' cards (token over value), by goroutine id. */
    private final Map<Long, VBox> senders = new HashMap<>();
    private final Map<Long, Label> receivers = new HashMap<>();
    private final List<Label> slotValues = new ArrayList<>();
    private final List<Label> slotMarks = new ArrayList<>();

    ChannelsViewCard(long id) {
        this.id = id;
        box.setId("chan-" + id);
        box.getStyleClass().add("channel");
        title.getStyleClass().add("title");
        sendq = ChannelsView.queue("chan-" + id + "-sendq");
        recvq = ChannelsView.queue("chan-" + id + "-recvq");
        slots.setId("chan-" + id + "-buffer");
        slots.getStyleClass().add("buffer");
        unbuffered.getStyleClass().add("slot-label");
        VBox left = new VBox(caption("waiting senders"), sendq);
        left.getStyleClass().add("side");
        VBox right = new VBox(caption("waiting receivers"), recvq);
        right.getStyleClass().add("side");
        box.getChildren().addAll(title, ChannelsView.row("body", left, arrow(), slots, arrow(), right));
    }

    void show(VisualState.Channel c, VisualState state, long selected) {
        title.setText((c.name().isEmpty() ? "ch" + id : c.name()) + " · " + (c.cap() == 0 ? "unbuffered" : "cap " + c.cap() + ", len " + c.len())
                + (c.closed() ? " · closed" : ""));
        showSlots(c);

        List<Node> s = new ArrayList<>();
        for (VisualState.Waiter w : c.sendq()) {
            VBox waiter = senders.computeIfAbsent(w.g(), g -> {
                VBox v = new VBox(SchedulerViewTokens.token(g, state), new Label());
                v.getStyleClass().add("sender");
                v.getChildren().get(1).getStyleClass().add("value");
                return v;
            });
            ((Label) waiter.getChildren().get(1)).setText(w.value());
            SchedulerViewTokens.update((Label) waiter.getChildren().getFirst(), w.g(), state);
            s.add(waiter);
        }
        senders.keySet().retainAll(c.sendq().stream().map(VisualState.Waiter::g).toList());
        setIfChanged(sendq, s);

        List<Node> r = new ArrayList<>();
        for (long g : c.recvq()) {
            Label token = receivers.computeIfAbsent(g, id -> SchedulerViewTokens.token(id, state));
            SchedulerViewTokens.update(token, g, state);
            r.add(token);
        }
        receivers.keySet().retainAll(c.recvq());
        setIfChanged(recvq, r);
        mark(selected);
    }

    private void showSlots(VisualState.Channel c) {
        if (c.cap() == 0) {
            setIfChanged(slots, List.of(unbuffered));
            return;
        }
        if (slotValues.size() != c.cap()) {
            slotValues.clear();
            slotMarks.clear();
            List<Node> cells = new ArrayList<>();
            for (int i = 0; i < c.cap(); i++) {
                Label value = new Label();
                value.setId("chan-" + id + "-slot-" + i);
                value.getStyleClass().add("slot");
                Label mark = new Label();
                mark.getStyleClass().add("slot-mark");
                Label index = new Label("[" + i + "]");
                index.getStyleClass().add("slot-index");
                slotValues.add(value);
                slotMarks.add(mark);
                VBox cell = new VBox(index, value, mark);
                cell.getStyleClass().add("slot-cell");
                cells.add(cell);
            }
            slots.getChildren().setAll(cells);
        }
        for (int i = 0; i < c.cap(); i++) {
            String v = c.slots().get(i);
            Label value = slotValues.get(i);
            value.setText(v == null ? "" : v);
            value.pseudoClassStateChanged(EMPTY, v == null);
            value.pseudoClassStateChanged(SENDX, i == c.sendx());
            value.pseudoClassStateChanged(RECVX, i == c.recvx());
            String mark = (i == c.sendx() ? "S" : "") + (i == c.sendx() && i == c.recvx() ? " " : "")
                    + (i == c.recvx() ? "R" : "");
            slotMarks.get(i).setText(mark.isEmpty() ? " " : "▲ " + mark);
        }
    }

    void mark(long selected) {
        senders.forEach((g, v) -> SchedulerViewTokens.mark((Label) v.getChildren().getFirst(), g, selected));
        receivers.forEach((g, t) -> SchedulerViewTokens.mark(t, g, selected));
    }

    /**
     * Adds what may travel in a step: each value, keyed by its text and how many equal values come
     * before it (senders first, then the buffer from {@code recvx}), so that a sender's value and the
     * same value in a slot share a key and fly; and each waiter's token.
     */
    void movers(Map<Object, Node> into) {
        Map<String, Integer> seen = new HashMap<>();
        for (Node n : sendq.getChildren()) {
            Label v = (Label) ((VBox) n).getChildren().get(1);
            into.put(List.of("v", id, v.getText(), seen.merge(v.getText(), 1, Integer::sum)), v);
        }
        for (Label v : slotValues) {
            if (!v.getText().isEmpty()) {
                into.put(List.of("v", id, v.getText(), seen.merge(v.getText(), 1, Integer::sum)), v);
            }
        }
        receivers.forEach((g, t) -> into.put(List.of("r", id, g), t));
    }

    private static void setIfChanged(Pane pane, List<Node> wanted) {
        if (!pane.getChildren().equals(wanted)) {
            pane.getChildren().setAll(wanted);
        }
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("slot-label");
        return l;
    }

    private static Label arrow() {
        Label l = new Label("→");
        l.getStyleClass().add("arrow");
        return l;
    }
}
