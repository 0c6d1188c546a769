package loomlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import javafx.util.Subscription;

import loomlab.visualizer.model.VisualState;
import loomlab.visualizer.views.ChannelsView;
import loomlab.visualizer.views.ConsoleView;
import loomlab.visualizer.views.ContextTreeView;
import loomlab.visualizer.views.FrameAdapter;
import loomlab.visualizer.views.GoroutineTableView;
import loomlab.visualizer.views.SchedulerView;
import loomlab.visualizer.views.TimelineView;

/**
 * The visualizer's views of the present run. They speak the language they were built in
 * ({@code ViewTexts}), so a change of language builds new ones and {@link #dispose}s these; the
 * run itself lives in the frame adapter and the ViewModel, so nothing is lost.
 *
 * <p>Each run brings a new {@link FrameAdapter}; {@link #attach} points the views at it: every
 * frame's state goes to every view, the timeline's cursor and the adapter's are bound both ways
 * (dragging on the timeline seeks the views), and one selected goroutine is shared by all views.
 * A click on a goroutine in the scheduler or the goroutine table is reported to
 * {@link #onGoroutineClicked} (in step mode, the window runs that goroutine next).
 *
 * <p>FX thread only.
 */
final class RunViews {
    private static final PseudoClass WATCHED = PseudoClass.getPseudoClass("watched");

    final SchedulerView scheduler = new SchedulerView();
    final ChannelsView channels = new ChannelsView();
    final ContextTreeView contexts = new ContextTreeView();
    final GoroutineTableView goroutines = new GoroutineTableView();
    final TimelineView timeline = new TimelineView();
    final ConsoleView console = new ConsoleView();

    /** The goroutine selected in any view; 0 for none. */
    final LongProperty selected = new SimpleLongProperty(this, "selected", 0);

    private final List<Consumer<VisualState>> frameListeners = new ArrayList<>();
    private LongConsumer onGoroutineClicked = _ -> { };
    private FrameAdapter adapter;
    private VisualState shown = VisualState.empty();
    private Set<String> watchedChannels = Set.of();
    private Set<String> watchedContexts = Set.of();
    /** Set once a new layout's views take over; the adapter cannot drop a view, so this one ignores frames. */
    private boolean disposed;

    RunViews() {
        goroutines.selectedGoroutineProperty().bindBidirectional(selected);
        timeline.selectedGoroutineProperty().bindBidirectional(selected);
        console.selectedGoroutineProperty().bindBidirectional(selected);
        selected.addListener((_, _, g) -> highlight(g.longValue()));
        // A goroutine's token is clickable wherever it is drawn: a run queue, a channel's queue, a context.
        for (javafx.scene.Node view : List.of(scheduler, channels, contexts)) {
            view.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                long g = goroutineAt(e.getPickResult().getIntersectedNode());
                if (g > 0) {
                    selected.set(g);
                    onGoroutineClicked.accept(g);
                }
            });
        }
        goroutines.addEventHandler(MouseEvent.MOUSE_CLICKED, _ -> {
            if (selected.get() > 0) {
                onGoroutineClicked.accept(selected.get());
            }
        });
    }

    /** Shows the run of {@code next} from now on. */
    void attach(FrameAdapter next) {
        if (adapter == next) {
            return;
        }
        if (adapter != null) {
            adapter.stop();
            timeline.cursorSeqProperty().unbindBidirectional(adapter.cursorSeqProperty());
        }
        adapter = next;
        selected.set(0);
        goroutines.setRun(next.model());
        timeline.setRun(next.model());
        timeline.cursorSeqProperty().set(next.cursorSeqProperty().get());
        timeline.cursorSeqProperty().bindBidirectional(next.cursorSeqProperty());
        next.addView(state -> {
            if (!disposed) {
                show(state);
            }
        });
        next.start();
    }

    /** Stops drawing: the views of a new layout (a new language) replace these. */
    void dispose() {
        disposed = true;
        if (adapter != null) {
            timeline.cursorSeqProperty().unbindBidirectional(adapter.cursorSeqProperty());
        }
    }

    FrameAdapter adapter() {
        return adapter;
    }

    /** The state on show. */
    VisualState shown() {
        return shown;
    }

    void onGoroutineClicked(LongConsumer action) {
        onGoroutineClicked = action;
    }

    /** Called after each frame with the state it showed, until unsubscribed. */
    Subscription addFrameListener(Consumer<VisualState> listener) {
        frameListeners.add(listener);
        return () -> frameListeners.remove(listener);
    }

    /** Outlines the channels and contexts with these names (a step's "what to watch"). */
    void watch(Set<String> channelNames, Set<String> contextLabels) {
        watchedChannels = Set.copyOf(channelNames);
        watchedContexts = Set.copyOf(contextLabels);
        markWatched();
    }

    private void show(VisualState state) {
        shown = state;
        scheduler.show(state);
        channels.show(state);
        contexts.show(state);
        goroutines.show(state);
        timeline.show(state);
        console.show(state);
        highlight(selected.get());
        markWatched();
        List.copyOf(frameListeners).forEach(l -> l.accept(state));
    }

    private void highlight(long g) {
        scheduler.highlight(g);
        channels.highlight(g);
        contexts.highlight(g);
    }

    private void markWatched() {
        for (VisualState.Channel c : shown.channels()) {
            Node card = channels.lookup("#chan-" + c.id());
            if (card != null) {
                card.pseudoClassStateChanged(WATCHED, watchedChannels.contains(c.name()));
            }
        }
        for (VisualState.Context c : shown.contexts()) {
            Node card = contexts.lookup("#ctx-" + c.id());
            if (card != null) {
                card.pseudoClassStateChanged(WATCHED, watchedContexts.contains(c.label()));
            }
        }
    }

    /** The goroutine whose token ({@code #g-N}) holds {@code node}, or 0. */
    static long goroutineAt(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            String id = n.getId();
            if (id != null && id.matches("g-\\d+")) {
                return Long.parseLong(id.substring(2));
            }
        }
        return 0;
    }
}
