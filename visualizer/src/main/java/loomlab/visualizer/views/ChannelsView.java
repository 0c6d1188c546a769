package loomlab.visualizer.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import loomlab.visualizer.model.VisualState;

/**
 * Every channel as Go's {@code hchan}: the ring buffer's slots with the values in them, the send
 * and receive positions ({@code sendx}, {@code recvx}), the parked senders (each holding its value)
 * on the left and the parked receivers on the right, and the closed state.
 *
 * <p>Node ids: {@code chan-1} (a channel's card), {@code chan-1-slot-0}, {@code chan-1-sendq},
 * {@code chan-1-recvq}, goroutine tokens {@code g-3} inside those queues, and {@code chan-more}
 * (the "+N more" label). Above {@link #SHOWN_AT_MOST} channels only the busiest are drawn: most
 * values buffered plus goroutines waiting, ties by id.
 *
 * <p>In step mode a value that enters a slot flies in from the send side, one that leaves flies
 * out to the receive side, and a waiter that is served fades; the cards themselves are reused.
 */
public final class ChannelsView extends VBox {
    /** Channels drawn at most; the rest are counted in one label. */
    public static final int SHOWN_AT_MOST = 50;

    private static final PseudoClass CLOSED = PseudoClass.getPseudoClass("closed");
    private static final PseudoClass UNBUFFERED = PseudoClass.getPseudoClass("unbuffered");
    private static final PseudoClass FULL = PseudoClass.getPseudoClass("full");

    private final Map<Long, ChannelsViewCard> cards = new HashMap<>();
    private final Label legend = new Label(
            ViewTexts.get("channels.legend"));
    private final Label more = new Label();
    private final Label none = new Label(ViewTexts.get("channels.none"));
    private final SchedulerViewMotion motion = new SchedulerViewMotion();
    private long selected;

    public ChannelsView() {
        getStyleClass().add("channels-view");
        getStylesheets().add(SchedulerView.class.getResource("scheduler.css").toExternalForm());
        getStylesheets().add(ChannelsView.class.getResource("channels.css").toExternalForm());
        legend.getStyleClass().add("legend");
        legend.setWrapText(true); // a narrow pane shows the whole legend on two lines, not an ellipsis
        legend.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        more.setId("chan-more");
        more.getStyleClass().add("caption");
        none.getStyleClass().add("caption");
    }

    // ---------------------------------------------------------------- commands

    /** Redraws the channels as {@code state} has them. */
    public void show(VisualState state) {
        List<VisualState.Channel> shown = busiest(state.channels());
        List<Node> wanted = new ArrayList<>();
        wanted.add(legend);
        for (VisualState.Channel c : shown) {
            ChannelsViewCard card = cards.computeIfAbsent(c.id(), ChannelsViewCard::new);
            card.show(c, state, selected);
            card.box.pseudoClassStateChanged(CLOSED, c.closed());
            card.box.pseudoClassStateChanged(UNBUFFERED, c.cap() == 0);
            card.box.pseudoClassStateChanged(FULL, c.cap() > 0 && c.len() == c.cap());
            wanted.add(card.box);
        }
        cards.keySet().retainAll(shown.stream().map(VisualState.Channel::id).toList());
        int hidden = state.channels().size() - shown.size();
        if (hidden > 0) {
            more.setText(ViewTexts.get("channels.hidden", hidden));
            wanted.add(more);
        }
        if (state.channels().isEmpty()) {
            wanted.add(none);
        }
        if (!getChildren().equals(wanted)) {
            getChildren().setAll(wanted);
        }
    }

    /** Redraws as {@code after}, letting values and waiters travel from where {@code before} had them. */
    public void animate(VisualState before, VisualState after, Duration d) {
        show(before);
        applyCss();
        layout();
        motion.remember(movers());
        show(after);
        motion.play(this, movers(), d);
    }

    /** Marks goroutine {@code g}'s tokens in every queue {@code :selected} (0: none). */
    public void highlight(long g) {
        selected = g;
        cards.values().forEach(card -> card.mark(selected));
    }

    // ---------------------------------------------------------------- helpers

    /** The channels to draw: all of them, or the {@link #SHOWN_AT_MOST} busiest, in id order. */
    static List<VisualState.Channel> busiest(List<VisualState.Channel> all) {
        if (all.size() <= SHOWN_AT_MOST) {
            return all;
        }
        return all.stream()
                .sorted(Comparator.comparingInt(ChannelsView::load).reversed()
                        .thenComparingLong(VisualState.Channel::id))
                .limit(SHOWN_AT_MOST)
                .sorted(Comparator.comparingLong(VisualState.Channel::id))
                .toList();
    }

    private static int load(VisualState.Channel c) {
        return c.len() + c.sendq().size() + c.recvq().size();
    }

    /** Everything that may travel in a step: values (keyed by channel and value text) and waiters. */
    private Map<Object, Node> movers() {
        Map<Object, Node> m = new LinkedHashMap<>();
        cards.values().forEach(card -> card.movers(m));
        return m;
    }

    /** A row of nodes, for the cards. */
    static HBox row(String styleClass, Node... nodes) {
        HBox row = new HBox(nodes);
        row.getStyleClass().add(styleClass);
        return row;
    }

    /** A queue of waiters, for the cards. */
    static FlowPane queue(String id) {
        FlowPane q = new FlowPane();
        q.setId(id);
        q.getStyleClass().add("waitq");
        return q;
    }
}
