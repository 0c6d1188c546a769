package loomlab.visualizer.views;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;

import loomlab.engine.events.Traced;
import loomlab.visualizer.model.RunModel;
import loomlab.visualizer.model.VisualState;

/**
 * The one place where a run's events cross onto the FX thread.
 *
 * <h2>Design</h2>
 * <ol>
 * <li>{@link #offer} takes events from any thread (the child run's reader) into an inbox: a list
 *     swapped out whole, so the reader never waits for the FX thread and never queues a
 *     {@code Platform.runLater} per event.</li>
 * <li>On each pulse of an {@link AnimationTimer} (at most {@link #MAX_FPS} a second) the FX thread
 *     drains the inbox into the {@link RunModel} in one batch, picks the state to show and hands
 *     it to every view once. A frame shows the <em>latest</em> state, never a queue of old ones:
 *     however fast events arrive, at most one redraw is pending ({@link #pendingFrames()} ≤ 1),
 *     so the views never fall behind.</li>
 * <li>Which state: while {@link #followingProperty following} the end of the run, the latest one,
 *     or, when {@link #speedProperty speed} is set (step mode), one that walks toward the latest at
 *     that many events a second, so each event can be seen. Setting {@link #cursorSeqProperty
 *     cursorSeq} from outside (scrubbing the timeline) pins the views to that event; moving it to
 *     the end follows again.</li>
 * </ol>
 * Rejected: {@code Platform.runLater} per event (the FX queue grows without bound under a fast
 * run, and the views redraw once per event); a timer on another thread (the model is confined to
 * the FX thread).
 *
 * <p>Threads: {@link #offer}/{@link #offerAll} from any thread; everything else on the FX thread
 * (or, in a test without a screen, on the one thread that calls {@link #pulse}).
 */
public final class FrameAdapter {
    /** Most frames a second the views are redrawn. */
    public static final int MAX_FPS = 60;
    /** Shortest time between frames; a pulse that comes sooner does nothing. */
    static final long MIN_FRAME_NANOS = 1_000_000_000L / MAX_FPS - 1_000_000L; // a pulse may come a little early

    /** Slack for whole nanos of frame time: 1/60 s at 120 events a second is two events, not 1.99999. */
    private static final double ROUNDING = 1e-6;

    private final Object lock = new Object();
    /** Events offered since the last pulse. Guarded by {@code lock}. */
    private List<Traced> inbox = new ArrayList<>();
    /** Whether a redraw is owed: set by offers and seeks, cleared by the frame that draws. */
    private volatile boolean framePending;

    // FX thread only, from here on.
    private final RunModel model;
    private final List<Consumer<? super VisualState>> views = new ArrayList<>();
    private final LongProperty cursorSeq = new SimpleLongProperty(this, "cursorSeq", 0);
    private final BooleanProperty following = new SimpleBooleanProperty(this, "following", true);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 0);
    /** True while the adapter itself moves the cursor, so that it is not taken for a scrub. */
    private boolean movingCursor;
    /** The seq the views show, fractional while animating at {@link #speed}. */
    private double shown;
    private long lastShownSeq = -1;
    private long lastFrameNanos = Long.MIN_VALUE;
    private long frames;
    private long batches;
    private AnimationTimer timer;

    /** An adapter for a new, empty run. */
    public FrameAdapter() {
        this(new RunModel());
    }

    /** An adapter that adds to {@code model} (which it then owns). */
    public FrameAdapter(RunModel model) {
        this.model = Objects.requireNonNull(model);
        cursorSeq.addListener((_, _, seq) -> {
            if (!movingCursor) {
                following.set(seq.longValue() >= model.size());
                framePending = true;
            }
        });
        following.addListener((_, _, _) -> framePending = true);
    }

    // ---------------------------------------------------------------- properties

    /** The model the events go into; read it on the FX thread only. */
    public RunModel model() {
        return model;
    }

    /** The event the views show; set it to scrub (the timeline's cursor binds to it). */
    public LongProperty cursorSeqProperty() {
        return cursorSeq;
    }

    /** Whether the views follow the end of the run; scrubbing back turns it off. */
    public BooleanProperty followingProperty() {
        return following;
    }

    /** Events a second to animate while following (step mode); 0 jumps straight to the latest. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** Redraws owed: 0 or 1, never more, however many events are waiting. */
    public int pendingFrames() {
        return framePending ? 1 : 0;
    }

    /** Events offered and not yet in the model. */
    public int backlog() {
        synchronized (lock) {
            return inbox.size();
        }
    }

    /** Frames drawn so far. */
    public long frames() {
        return frames;
    }

    /** Batches of events moved into the model so far (one per pulse that found any). */
    public long batches() {
        return batches;
    }

    // ---------------------------------------------------------------- commands

    /** Adds a view: it is shown the current state now and then each frame's state. FX thread. */
    public void addView(Consumer<? super VisualState> view) {
        views.add(Objects.requireNonNull(view));
        framePending = true;
    }

    /** Takes one event of the run, from any thread. */
    public void offer(Traced event) {
        synchronized (lock) {
            inbox.add(event);
        }
        framePending = true;
    }

    /** Takes events of the run, in order, from any thread. */
    public void offerAll(Collection<Traced> events) {
        synchronized (lock) {
            inbox.addAll(events);
        }
        framePending = true;
    }

    /** Starts redrawing on the FX thread's pulses. FX thread. */
    public void start() {
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulse(now);
                }
            };
        }
        timer.start();
    }

    /** Stops redrawing; events offered meanwhile wait for the next {@link #start()}. FX thread. */
    public void stop() {
        if (timer != null) {
            timer.stop();
        }
    }

    /**
     * One frame at time {@code now} (nanos): moves the inbox into the model, then, if anything
     * changed, shows the views one state. Returns whether it drew. Called by the timer; a test
     * without a screen calls it directly.
     */
    public boolean pulse(long now) {
        if (lastFrameNanos != Long.MIN_VALUE && now - lastFrameNanos < MIN_FRAME_NANOS) {
            return false;
        }
        double seconds = lastFrameNanos == Long.MIN_VALUE ? 0 : (now - lastFrameNanos) / 1e9;
        boolean pending = framePending;
        framePending = false; // cleared before draining: an offer from now on owes a new frame
        List<Traced> batch;
        synchronized (lock) {
            batch = inbox;
            inbox = new ArrayList<>(Math.max(16, batch.size()));
        }
        for (Traced event : batch) {
            model.append(event);
        }
        if (!batch.isEmpty()) {
            batches++;
        }
        long seq = target(seconds);
        if (!pending && batch.isEmpty() && seq == lastShownSeq) {
            return false;
        }
        lastFrameNanos = now;
        draw(seq);
        return true;
    }

    /** The seq to show after {@code seconds} since the last frame. */
    private long target(double seconds) {
        long end = model.size();
        if (!following.get()) {
            shown = Math.clamp(cursorSeq.get(), 0, end);
        } else if (speed.get() <= 0) {
            shown = end;
        } else {
            shown = Math.min(end, shown + Math.max(seconds * speed.get(), 1));
            if (shown < end) {
                framePending = true; // still animating toward the end
            }
        }
        return (long) (shown + ROUNDING);
    }

    private void draw(long seq) {
        VisualState state = seq == model.size() ? model.latest() : model.stateAt(seq);
        lastShownSeq = seq;
        frames++;
        movingCursor = true;
        try {
            cursorSeq.set(seq);
        } finally {
            movingCursor = false;
        }
        for (Consumer<? super VisualState> view : views) {
            view.accept(state);
        }
    }
}
