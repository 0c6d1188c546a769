package loomlab.visualizer.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import loomlab.visualizer.model.VisualState;

/** One context's card in the {@link ContextTreeView}, updated in place. */
final class ContextTreeViewCard {
    /** The engine's kinds that own a {@code Done()} channel of their own. */

    final VBox box;
    private final Label kind = new Label();
    private final Label detail = new Label();
    private final Label status = new Label();
    private final FlowPane waiters;
    private final Map<Long, Label> tokens = new HashMap<>();

    ContextTreeViewCard(long id) {
        box = ContextTreeView.cardBox(id);
        kind.getStyleClass().add("title");
        detail.getStyleClass().add("detail");
        status.getStyleClass().add("status");
        status.setId("ctx-" + id + "-status");
        status.setWrapText(true);
        waiters = ContextTreeView.waitersBox(id);
        box.getChildren().addAll(kind, detail, status, waiters);
    }

    void show(VisualState.Context c, VisualState state, List<Long> waiting, long selected) {
        kind.setText(kindName(c.kind()) + (c.id() > 0 ? "  #" + c.id() : ""));
        detail.setText(detail(c, state));
        status.setText(c.cancelled()
                ? c.err() + (c.cause() == null || c.cause().equals(c.err()) ? "" : "\n" + ViewTexts.get("contexts.cause", c.cause()))
                : c.deadline() >= 0 ? ViewTexts.get("contexts.liveLeft", countdown(c.deadline() - state.nanos()))
                : ViewTexts.get("contexts.live"));
        List<Node> ts = new ArrayList<>();
        for (long g : waiting) {
            Label t = tokens.computeIfAbsent(g, id -> SchedulerViewTokens.token(id, state));
            SchedulerViewTokens.update(t, g, state);
            ts.add(t);
        }
        tokens.keySet().retainAll(waiting);
        if (!waiters.getChildren().equals(ts)) {
            waiters.getChildren().setAll(ts);
        }
        mark(selected);
    }

    void mark(long selected) {
        tokens.forEach((g, t) -> SchedulerViewTokens.mark(t, g, selected));
    }

    /**
     * Goroutines parked on each context's {@code Done()} channel, by context id.
     *
     * <p>Derived: the model does not name a context's done channel. The engine makes it right after
     * the context, so it takes the next object id; a cancelable context's done channel is the
     * unbuffered channel numbered one past it.
     */
    static Map<Long, List<Long>> waitersByContext(VisualState state) {
        Map<Long, Long> contextOfChannel = new HashMap<>();
        for (VisualState.Context c : state.contexts()) {
            if (c.done() != 0) {
                contextOfChannel.put(c.done(), c.id());
            }
        }
        Map<Long, List<Long>> waiters = new HashMap<>();
        for (VisualState.Channel ch : state.channels()) {
            Long ctx = contextOfChannel.get(ch.id());
            if (ctx != null) {
                for (long g : ch.recvq()) {
                    waiters.computeIfAbsent(ctx, _ -> new ArrayList<>()).add(g);
                }
            }
        }
        return waiters;
    }

    private static String kindName(String kind) {
        return switch (kind == null ? "" : kind) {
            case "CANCEL" -> "WithCancel";
            case "DEADLINE" -> "WithDeadline";
            case "VALUE" -> "WithValue";
            case "WITHOUT_CANCEL" -> "WithoutCancel";
            case "AFTER_FUNC" -> "AfterFunc";
            case "" -> "context";
            default -> kind;
        };
    }

    private static String detail(VisualState.Context c, VisualState state) {
        if (c.label() != null && !c.label().isEmpty()) {
            return c.label();
        }
        return c.deadline() >= 0 ? ViewTexts.get("contexts.deadlineAt", span(c.deadline())) : " ";
    }

    /** Time left until a deadline, on the run's clock. */
    static String countdown(long nanos) {
        if (nanos <= 0) {
            return ViewTexts.get("contexts.deadlinePassed");
        }
        return ViewTexts.get("contexts.left", span(nanos));
    }

    /** A span as Go prints short durations: 1.5s, 250ms, 40µs. */
    static String span(long nanos) {
        if (nanos >= 1_000_000_000L) {
            return trim(nanos / 1e9) + "s";
        }
        if (nanos >= 1_000_000L) {
            return trim(nanos / 1e6) + "ms";
        }
        return trim(nanos / 1e3) + "µs";
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
