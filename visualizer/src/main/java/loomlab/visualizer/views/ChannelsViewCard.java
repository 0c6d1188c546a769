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
    /** A queue longer than this shows its head and a count of the rest ("+ 38 more"). */
    static final int QUEUE_SHOWN = 12;

    final VBox box = new VBox();
    private final long id;
    private final Label title = new Label();
    private final FlowPane sendq;
    private final FlowPane recvq;
    private final HBox slots = new HBox();
    private final Label unbuffered = new Label(ViewTexts.get("channels.noBuffer"));
    /** Parked senders' cards (token over value), by goroutine id. */
    private final Map<Long, VBox> senders = new HashMap<>();
    private final Map<Long, Label> receivers = new HashMap<>();
    private final List<Label> slotValues = new ArrayList<>();
    private final List<Label> slotMarks = new ArrayList<>();
    /** The latest delivery: "last received: 7 → g2"; its value and token fly in from where they were. */
    private final HBox delivered = new HBox();
    private final Label deliveredValue = new Label();
    private final Label deliveredCaption = caption("");
    private final Label deliveredArrow = arrow();
    private Label deliveredToken;
    /** The goroutine {@link #deliveredToken} stands for. */
    private long deliveredG;
    /** What the title says now, so that a frame that changes none of it formats nothing. */
    private int titleLen = -1;
    private int titleCap = -1;
    private boolean titleClosed;
    private final Label moreSenders;
    private final Label moreReceivers;

    ChannelsViewCard(long id) {
        this.id = id;
        moreSenders = more("sendq");
        moreReceivers = more("recvq");
        box.setId("chan-" + id);
        box.getStyleClass().add("channel");
        title.getStyleClass().add("title");
        sendq = ChannelsView.queue("chan-" + id + "-sendq");
        recvq = ChannelsView.queue("chan-" + id + "-recvq");
        slots.setId("chan-" + id + "-buffer");
        slots.getStyleClass().add("buffer");
        unbuffered.getStyleClass().add("slot-label");
        unbuffered.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the queues give way, not this
        slots.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox left = new VBox(caption(ViewTexts.get("channels.senders")), sendq);
        left.getStyleClass().add("side");
        delivered.setId("chan-" + id + "-delivered");
        delivered.getStyleClass().add("delivered");
        deliveredValue.setId("chan-" + id + "-delivered-value");
        deliveredValue.getStyleClass().add("value");
        delivered.setVisible(false);
        VBox right = new VBox(caption(ViewTexts.get("channels.receivers")), recvq);
        right.getStyleClass().add("side");
        // The latest delivery has a row of its own, under the receivers: a narrow card must not squeeze it.
        delivered.setManaged(false);
        box.getChildren().addAll(title, ChannelsView.row("body", left, arrow(), slots, arrow(), right), delivered);
    }

    void show(VisualState.Channel c, VisualState state, long selected) {
        // Formatted only when it changes: show() runs for every card on every frame.
        if (c.len() != titleLen || c.closed() != titleClosed || c.cap() != titleCap || title.getText().isEmpty()) {
            titleLen = c.len();
            titleClosed = c.closed();
            titleCap = c.cap();
            if (c.timer() && title.getTooltip() == null) {
                title.setTooltip(new javafx.scene.control.Tooltip(ViewTexts.get("channels.timerTip")));
            }
            title.setText((c.name().isEmpty() ? "ch" + id : c.name()) + " · "
                    + (c.timer() ? ViewTexts.get("channels.timer")
                            : c.cap() == 0 ? ViewTexts.get("channels.unbuffered") : ViewTexts.get("channels.capacity", c.cap(), c.len()))
                    + (c.closed() ? " · " + ViewTexts.get("channels.closed") : ""));
        }
        showSlots(c);

        List<Node> s = new ArrayList<>();
        List<VisualState.Waiter> shownSenders = c.sendq().subList(0, Math.min(QUEUE_SHOWN, c.sendq().size()));
        for (VisualState.Waiter w : shownSenders) {
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
        senders.keySet().retainAll(shownSenders.stream().map(VisualState.Waiter::g).toList());
        addMore(s, moreSenders, c.sendq().size());
        setIfChanged(sendq, s);

        List<Node> r = new ArrayList<>();
        List<Long> shownReceivers = c.recvq().subList(0, Math.min(QUEUE_SHOWN, c.recvq().size()));
        for (long g : shownReceivers) {
            Label token = receivers.computeIfAbsent(g, id -> SchedulerViewTokens.token(id, state));
            SchedulerViewTokens.update(token, g, state);
            r.add(token);
        }
        receivers.keySet().retainAll(shownReceivers);
        addMore(r, moreReceivers, c.recvq().size());
        setIfChanged(recvq, r);
        showDelivered(c.last(), state);
        mark(selected);
    }

    private void showDelivered(VisualState.Delivery last, VisualState state) {
        delivered.setVisible(last != null);
        delivered.setManaged(last != null);
        if (last == null) {
            if (!delivered.getChildren().isEmpty()) {
                delivered.getChildren().clear();
            }
            deliveredToken = null;
            return;
        }
        String value = last.ok() ? last.value() : "∅";
        if (!value.equals(deliveredValue.getText())) {
            deliveredValue.setText(value);
        }
        deliveredValue.pseudoClassStateChanged(EMPTY, !last.ok());
        deliveredCaption.setText(ViewTexts.get(last.ok() ? "channels.delivered" : "channels.zeroValue"));
        if (deliveredToken == null || deliveredG != last.g()) {
            deliveredToken = SchedulerViewTokens.token(last.g(), state);
            deliveredG = last.g();
        }
        SchedulerViewTokens.update(deliveredToken, last.g(), state);
        if (delivered.getChildren().size() != 4 || delivered.getChildren().get(3) != deliveredToken) {
            delivered.getChildren().setAll(deliveredCaption, deliveredValue, deliveredArrow, deliveredToken);
        }
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
        if (deliveredToken != null) {
            SchedulerViewTokens.mark(deliveredToken, deliveredG, selected);
        }
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
        if (delivered.isVisible() && !deliveredValue.getText().isEmpty()) {
            into.put(List.of("v", id, deliveredValue.getText(), seen.merge(deliveredValue.getText(), 1, Integer::sum)),
                    deliveredValue);
            long g = deliveredG;
            if (!receivers.containsKey(g)) {
                into.put(List.of("r", id, g), deliveredToken);
            }
        }
    }

    /** Past {@link #QUEUE_SHOWN} waiters, the rest are a count: a view of 1,000 tokens helps nobody. */
    private static void addMore(List<Node> shown, Label more, int total) {
        if (total > QUEUE_SHOWN) {
            if (!Integer.valueOf(total).equals(more.getUserData())) { // formatted only when the count changes
                more.setUserData(total);
                more.setText(ViewTexts.get("channels.more", total - QUEUE_SHOWN));
            }
            shown.add(more);
        }
    }

    private Label more(String queue) {
        Label l = new Label();
        l.setId("chan-" + id + "-" + queue + "-more");
        l.getStyleClass().add("more");
        return l;
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
