package loomlab.visualizer.views;

import java.util.List;

import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import loomlab.visualizer.model.RunModel;
import loomlab.visualizer.model.VisualState;

/**
 * A lane per P and per goroutine across the whole run, left to right by event number (seq): a P's
 * lane shows, in each goroutine's colour, which goroutine ran on it; a goroutine's lane shows when
 * it was runnable, running or blocked. A cursor marks the event shown; dragging it (or clicking
 * anywhere on the lanes) sets {@link #cursorSeqProperty()}, which the {@link FrameAdapter} follows,
 * so every view moves to that moment. Clicking a goroutine's label selects it.
 *
 * <p>Per frame: the lanes are folded once per new event ({@link TimelineViewLanes}); drawing touches
 * only the lanes in view, and per lane at most one segment per pixel column, so the cost is bounded
 * by the canvas size, not by the run's length. The state colours come from CSS
 * ({@code -ll-running} … via {@code timeline.css}).
 */
public final class TimelineView extends Region {
    /** Height of a lane, in pixels. */
    static final double LANE_HEIGHT = 18;
    /** Height of the header (the event axis), in pixels. */
    static final double HEADER_HEIGHT = 22;
    /** Width of the lane labels, in pixels. */
    static final double LABEL_WIDTH = 120;

    /** Narrowest P segment that is labelled with its goroutine, in pixels. */
    private static final double P_LABEL_MIN_WIDTH = 26;
    /** Width of the legend at the right of the header, in pixels. */
    private static final double LEGEND_WIDTH = 230;
    private static final Font FONT = Font.font("Monospaced", 11);

    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final LongProperty cursorSeq = new SimpleLongProperty(this, "cursorSeq", 0);
    private final LongProperty selectedGoroutine = new SimpleLongProperty(this, "selectedGoroutine", 0);
    private TimelineViewLanes lanes = new TimelineViewLanes();
    private RunModel run;
    private long draws;
    /** Whether the mouse button went down on the lanes, so that dragging moves the cursor. */
    private boolean scrubbing;

    public TimelineView() {
        this(null);
    }

    /** A timeline of {@code run} (may be null until {@link #setRun}). */
    public TimelineView(RunModel run) {
        setId("timeline");
        getStyleClass().add("timeline");
        this.run = run;
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setMin(0);
        getChildren().addAll(canvas, scroll);
        scroll.valueProperty().addListener((_, _, _) -> draw());
        cursorSeq.addListener((_, _, _) -> draw());
        selectedGoroutine.addListener((_, _, g) -> {
            revealLane(g.longValue());
            draw();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        addEventHandler(ScrollEvent.SCROLL, e -> scroll.setValue(
                Math.clamp(scroll.getValue() - e.getDeltaY() / LANE_HEIGHT, scroll.getMin(), scroll.getMax())));
        for (StyleableObjectProperty<Paint> p : List.of(running, runnable, blocked, background, foreground, muted,
                accent, grid)) {
            p.addListener((_, _, _) -> draw());
        }
        setPrefSize(640, 300);
        setMinSize(LABEL_WIDTH + 60, HEADER_HEIGHT + LANE_HEIGHT);
    }

    // ---------------------------------------------------------------- properties

    /** The event shown; drag the cursor to set it. Bind the frame adapter's to it. */
    public LongProperty cursorSeqProperty() {
        return cursorSeq;
    }

    /** The selected goroutine's id, or 0; its lane is highlighted. Bind the other views' to it. */
    public LongProperty selectedGoroutineProperty() {
        return selectedGoroutine;
    }

    /** How many lanes there are: one per P seen, then one per goroutine. */
    public int laneCount() {
        return lanes.laneCount();
    }

    /** How many of the lanes are Ps'. */
    public int processorLaneCount() {
        return lanes.processorCount();
    }

    /** Times the canvas was redrawn (for tests: a frame draws once). */
    long draws() {
        return draws;
    }

    // ---------------------------------------------------------------- commands

    /** Draws {@code run} from now on. */
    public void setRun(RunModel run) {
        this.run = run;
        lanes = new TimelineViewLanes();
        draw();
    }

    /** Brings the lanes up to the run's events and moves the cursor to {@code state}. */
    public void show(VisualState state) {
        if (cursorSeq.get() != state.seq()) {
            cursorSeq.set(state.seq()); // draws
        } else if (run != null && run.size() != lanes.size()) {
            draw();
        }
        // else the frame adapter moved the cursor through the binding, which drew: once a frame
    }

    /** Folds in the run's new events, if any. */
    private void catchUp() {
        if (run != null && run.size() != lanes.size()) {
            lanes.index(run.events());
            updateScroll();
        }
    }

    /** The seq at x (in this view's coordinates), clamped to the run. */
    public long seqAt(double x) {
        long end = end();
        double plot = plotWidth();
        if (plot <= 0) {
            return 0;
        }
        double f = Math.clamp((x - LABEL_WIDTH) / plot, 0, 1);
        return Math.round(f * end);
    }

    /** The x (in this view's coordinates) of {@code seq}. */
    public double xOf(long seq) {
        return LABEL_WIDTH + plotWidth() * seq / Math.max(1, end());
    }

    /** The last seq whose x is at or before {@code x}. */
    private long seqBefore(double x) {
        double plot = plotWidth();
        return plot <= 0 ? 0 : (long) Math.floor((x - LABEL_WIDTH) * end() / plot);
    }

    private long end() {
        return lanes.size();
    }

    private double plotWidth() {
        return canvas.getWidth() - LABEL_WIDTH - 8;
    }

    // ---------------------------------------------------------------- input

    private void press(MouseEvent e) {
        scrubbing = false;
        if (e.getX() < LABEL_WIDTH) {
            int lane = laneAt(e.getY());
            if (lane >= lanes.processorCount() && lane < lanes.laneCount()) {
                long g = lanes.lane(lane).g;
                selectedGoroutine.set(selectedGoroutine.get() == g ? 0 : g);
            }
            return;
        }
        scrubbing = true;
        cursorSeq.set(seqAt(e.getX()));
    }

    /** A drag that began on the lanes scrubs, even past their edges; one on the labels does not. */
    private void drag(MouseEvent e) {
        if (scrubbing) {
            cursorSeq.set(seqAt(e.getX()));
        }
    }

    private int laneAt(double y) {
        if (y < HEADER_HEIGHT) {
            return -1;
        }
        return (int) ((y - HEADER_HEIGHT) / LANE_HEIGHT) + (int) scroll.getValue();
    }

    private void revealLane(long g) {
        int lane = lanes.laneOf(g);
        if (lane < 0) {
            return;
        }
        int first = (int) scroll.getValue();
        int visible = visibleLanes();
        if (lane < first || lane >= first + visible - 1) {
            scroll.setValue(Math.clamp(lane - visible / 2, scroll.getMin(), scroll.getMax()));
        }
    }

    private int visibleLanes() {
        return Math.max(1, (int) ((canvas.getHeight() - HEADER_HEIGHT) / LANE_HEIGHT));
    }

    private void updateScroll() {
        int hidden = Math.max(0, lanes.laneCount() - visibleLanes());
        scroll.setMax(hidden);
        scroll.setVisibleAmount(Math.max(1, visibleLanes()));
        scroll.setVisible(hidden > 0);
        if (scroll.getValue() > hidden) {
            scroll.setValue(hidden);
        }
    }

    // ---------------------------------------------------------------- layout and drawing

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bar = scroll.prefWidth(-1);
        scroll.resizeRelocate(w - bar, HEADER_HEIGHT, bar, Math.max(0, h - HEADER_HEIGHT));
        if (canvas.getWidth() != w - bar || canvas.getHeight() != h) {
            canvas.setWidth(Math.max(0, w - bar));
            canvas.setHeight(h);
            updateScroll();
            draw();
        }
    }

    private void draw() {
        catchUp();
        draws++;
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        boolean dark = Palette.isDark(this);
        gc.setFill(background.get());
        gc.fillRect(0, 0, w, h);
        gc.setFont(FONT);
        gc.setTextBaseline(VPos.CENTER);
        int first = (int) scroll.getValue();
        int last = Math.min(lanes.laneCount(), first + visibleLanes() + 1);
        for (int i = first; i < last; i++) {
            drawLane(gc, lanes.lane(i), HEADER_HEIGHT + (i - first) * LANE_HEIGHT, w, dark);
        }
        drawAxis(gc, w);
        drawCursor(gc, h);
    }

    private void drawLane(GraphicsContext gc, TimelineViewLanes.Lane lane, double y, double w, boolean dark) {
        boolean selected = lane.g != 0 && lane.g == selectedGoroutine.get();
        if (selected) {
            gc.setFill(accent.get());
            gc.setGlobalAlpha(0.18);
            gc.fillRect(0, y, w, LANE_HEIGHT);
            gc.setGlobalAlpha(1);
        }
        gc.setStroke(grid.get());
        gc.setLineWidth(1);
        gc.strokeLine(0, Math.floor(y + LANE_HEIGHT) + 0.5, w, Math.floor(y + LANE_HEIGHT) + 0.5);
        if (lane.g != 0) {
            gc.setFill(Palette.goroutine(lane.g, dark));
            gc.fillRoundRect(4, y + 4, 8, LANE_HEIGHT - 8, 3, 3);
        }
        gc.setFill(selected ? accent.get() : lane.g == 0 ? muted.get() : foreground.get());
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(lane.label, lane.g == 0 ? 6 : 16, y + LANE_HEIGHT / 2, LABEL_WIDTH - 20);
        drawSegments(gc, lane, y + 3, LANE_HEIGHT - 6, dark);
    }

    /** The segments of {@code lane} in view; at most one per pixel column. */
    private void drawSegments(GraphicsContext gc, TimelineViewLanes.Lane lane, double y, double h, boolean dark) {
        double drawnTo = Double.NEGATIVE_INFINITY;
        int i = 0;
        while (i < lane.n) {
            drawnTo = segment(gc, lane, lane.kinds[i], lane.starts[i], lane.ends[i], lane.who[i], y, h, drawnTo, dark);
            // skip the segments that end inside the pixels drawn: a binary search, not a walk
            i = Math.max(i + 1, lane.firstEndingAfter(seqBefore(drawnTo)));
        }
        if (lane.openKind >= 0) {
            segment(gc, lane, lane.openKind, lane.openStart, end(), lane.openWho, y, h, drawnTo, dark);
        }
    }

    private double segment(GraphicsContext gc, TimelineViewLanes.Lane lane, byte kind, long from, long to, long who,
                           double y, double h, double drawnTo, boolean dark) {
        double x0 = Math.max(xOf(from), drawnTo);
        double x1 = Math.max(xOf(to), x0 + 1);
        if (x1 <= drawnTo + 0.5) {
            return drawnTo; // this pixel column is drawn already
        }
        gc.setFill(lane.g == 0 ? Palette.goroutine(who, dark) : switch (kind) {
            case TimelineViewLanes.RUNNING -> running.get();
            case TimelineViewLanes.BLOCKED -> blocked.get();
            default -> runnable.get();
        });
        double inset = lane.g != 0 && kind != TimelineViewLanes.RUNNING ? h / 4 : 0; // waiting: thinner
        gc.fillRect(x0, y + inset, x1 - x0, h - 2 * inset);
        if (lane.g == 0 && x1 - x0 >= P_LABEL_MIN_WIDTH) { // on a P: say which goroutine ran
            gc.setFill(Palette.textOn(Palette.goroutine(who, dark)));
            gc.setTextAlign(TextAlignment.LEFT);
            gc.fillText("g" + who, x0 + 3, y + h / 2, x1 - x0 - 4);
        }
        return x1;
    }

    private void drawAxis(GraphicsContext gc, double w) {
        gc.setFill(background.get());
        gc.fillRect(0, 0, w, HEADER_HEIGHT);
        gc.setStroke(grid.get());
        gc.strokeLine(0, HEADER_HEIGHT - 0.5, w, HEADER_HEIGHT - 0.5);
        gc.setFill(muted.get());
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText("event →", 6, HEADER_HEIGHT / 2);
        long end = end();
        if (end == 0) {
            return;
        }
        double legendLeft = drawLegend(gc, w);
        long step = niceStep(end / Math.max(1, plotWidth() / 90));
        gc.setFill(muted.get());
        gc.setTextAlign(TextAlignment.CENTER);
        for (long s = 0; s <= end; s += step) {
            double x = xOf(s);
            if (x > legendLeft - 30) {
                break;
            }
            gc.strokeLine(x + 0.5, HEADER_HEIGHT - 5, x + 0.5, HEADER_HEIGHT);
            gc.fillText(Long.toString(s), x, HEADER_HEIGHT / 2 - 1);
        }
    }

    /** What the colours mean, at the right of the header; returns its left edge. */
    private double drawLegend(GraphicsContext gc, double w) {
        String[] names = {ViewTexts.get("timeline.running"), ViewTexts.get("timeline.runnable"), ViewTexts.get("timeline.blocked")};
        Paint[] fills = {running.get(), runnable.get(), blocked.get()};
        double x = w - LEGEND_WIDTH;
        gc.setFill(background.get());
        gc.fillRect(x - 6, 0, LEGEND_WIDTH + 6, HEADER_HEIGHT - 1);
        gc.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < names.length; i++) {
            gc.setFill(fills[i]);
            gc.fillRect(x, HEADER_HEIGHT / 2 - 5, 10, 10);
            gc.setFill(muted.get());
            gc.fillText(names[i], x + 14, HEADER_HEIGHT / 2 - 1);
            x += 14 + 7 * names[i].length() + 10;
        }
        return w - LEGEND_WIDTH;
    }

    private void drawCursor(GraphicsContext gc, double h) {
        double x = Math.floor(xOf(Math.clamp(cursorSeq.get(), 0, end()))) + 0.5;
        gc.setStroke(accent.get());
        gc.setLineWidth(2);
        gc.strokeLine(x, 0, x, h);
        gc.setLineWidth(1);
        long seq = Math.clamp(cursorSeq.get(), 0, end());
        String label = "#" + seq + (run != null && seq > 0 && seq <= run.size()
                ? " · " + GoroutineTableView.duration(run.events().get((int) seq - 1).nanos()) : "");
        double labelWidth = 8 + 7 * label.length();
        double left = x + 3 + labelWidth <= canvas.getWidth() ? x + 3 : x - 3 - labelWidth; // flips at the end
        gc.setFill(accent.get());
        double top = h - HEADER_HEIGHT + 2; // at the foot of the line: the header keeps the axis and legend
        gc.fillRoundRect(left, top, labelWidth, HEADER_HEIGHT - 5, 4, 4);
        gc.setFill(Palette.textOn(accent.get() instanceof Color c ? c : Color.BLUE));
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(label, left + 4, top + (HEADER_HEIGHT - 5) / 2);
    }

    /** 1, 2, 5, 10, 20, 50 … at least {@code raw}. */
    private static long niceStep(double raw) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (step * m >= raw) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    // ---------------------------------------------------------------- CSS

    private final StyleableObjectProperty<Paint> running = paint(Css.RUNNING, Color.web("#2f9e44"));
    private final StyleableObjectProperty<Paint> runnable = paint(Css.RUNNABLE, Color.web("#e8a317"));
    private final StyleableObjectProperty<Paint> blocked = paint(Css.BLOCKED, Color.web("#d6336c"));
    private final StyleableObjectProperty<Paint> background = paint(Css.BACKGROUND, Color.web("#fbfbfc"));
    private final StyleableObjectProperty<Paint> foreground = paint(Css.FOREGROUND, Color.web("#1f2328"));
    private final StyleableObjectProperty<Paint> muted = paint(Css.MUTED, Color.web("#6b7280"));
    private final StyleableObjectProperty<Paint> accent = paint(Css.ACCENT, Color.web("#0b63ce"));
    private final StyleableObjectProperty<Paint> grid = paint(Css.GRID, Color.web("#d8dbe0"));

    private StyleableObjectProperty<Paint> paint(CssMetaData<TimelineView, Paint> meta, Paint initial) {
        return new SimpleStyleableObjectProperty<>(meta, this, meta.getProperty(), initial);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return Css.ALL;
    }

    /** The colours {@code timeline.css} sets: {@code -ll-timeline-running} and so on. */
    private static final class Css {
        static final CssMetaData<TimelineView, Paint> RUNNING = meta("-ll-timeline-running", v -> v.running);
        static final CssMetaData<TimelineView, Paint> RUNNABLE = meta("-ll-timeline-runnable", v -> v.runnable);
        static final CssMetaData<TimelineView, Paint> BLOCKED = meta("-ll-timeline-blocked", v -> v.blocked);
        static final CssMetaData<TimelineView, Paint> BACKGROUND = meta("-ll-timeline-background", v -> v.background);
        static final CssMetaData<TimelineView, Paint> FOREGROUND = meta("-ll-timeline-foreground", v -> v.foreground);
        static final CssMetaData<TimelineView, Paint> MUTED = meta("-ll-timeline-muted", v -> v.muted);
        static final CssMetaData<TimelineView, Paint> ACCENT = meta("-ll-timeline-accent", v -> v.accent);
        static final CssMetaData<TimelineView, Paint> GRID = meta("-ll-timeline-grid", v -> v.grid);
        static final List<CssMetaData<? extends Styleable, ?>> ALL;

        static {
            var all = new java.util.ArrayList<>(Region.getClassCssMetaData());
            all.addAll(List.of(RUNNING, RUNNABLE, BLOCKED, BACKGROUND, FOREGROUND, MUTED, ACCENT, GRID));
            ALL = List.copyOf(all);
        }

        private interface Field {
            StyleableObjectProperty<Paint> of(TimelineView view);
        }

        private static CssMetaData<TimelineView, Paint> meta(String name, Field field) {
            return new CssMetaData<>(name, PaintConverter.getInstance(), Color.BLACK) {
                @Override
                public boolean isSettable(TimelineView view) {
                    return !field.of(view).isBound();
                }

                @Override
                public StyleableProperty<Paint> getStyleableProperty(TimelineView view) {
                    return field.of(view);
                }
            };
        }
    }
}
