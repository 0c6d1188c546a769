package loomlab.visualizer.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import loomlab.visualizer.model.VisualState;

/**
 * The scheduler as Go's {@code proc.go} describes it: each P with its {@code runnext} slot and local
 * run queue, the M that holds it running one goroutine, the global run queue, idle Ms, and the
 * parked goroutines grouped by wait reason.
 *
 * <p>Node ids, for tests and for the workbench: {@code p-0} (a P's card), {@code p-0-runnext},
 * {@code p-0-runq}, {@code m-0} (an M, inside the card of the P it holds or in {@code idle-ms}),
 * {@code global-runq}, {@code blocked-chan-receive} (one per wait reason, spaces as dashes) and the
 * goroutine tokens {@code g-3}. Each goroutine that is alive and not running a syscall has exactly
 * one token here.
 *
 * <p>A redraw reuses every node by key: a token that stays put is not touched, one that moved is
 * re-parented. Above {@link #AGGREGATE_ABOVE} live goroutines the queues show counts instead of
 * tokens, and the blocked groups come busiest first.
 */
public final class SchedulerView extends VBox {
    /** Live goroutines above which queues and blocked groups show counts instead of tokens. */
    public static final int AGGREGATE_ABOVE = 200;

    private static final PseudoClass PARKED = PseudoClass.getPseudoClass("parked");
    private static final PseudoClass IDLE = PseudoClass.getPseudoClass("idle");
    private static final PseudoClass AGGREGATED = PseudoClass.getPseudoClass("aggregated");

    private final HBox processorRow = new HBox();
    private final FlowPane idleMachines = box(new FlowPane(), "idle-ms", "queue");
    private final FlowPane globalRunq = box(new FlowPane(), "global-runq", "queue");
    private final FlowPane blockedArea = new FlowPane();

    private final Map<Integer, ProcessorCard> processors = new HashMap<>();
    private final Map<Integer, MachineCard> machines = new HashMap<>();
    private final Map<String, BlockedGroup> blocked = new HashMap<>();
    /** The tokens on show, by goroutine id; only those. */
    private final Map<Long, Label> tokens = new LinkedHashMap<>();
    private final SchedulerViewMotion motion = new SchedulerViewMotion();
    private long selected;

    public SchedulerView() {
        getStyleClass().add("scheduler-view");
        getStylesheets().add(SchedulerView.class.getResource("scheduler.css").toExternalForm());
        processorRow.getStyleClass().add("processor-row");
        blockedArea.getStyleClass().add("blocked-area");
        blockedArea.setId("blocked");
        getChildren().addAll(
                caption(ViewTexts.get("scheduler.processors")),
                processorRow,
                caption(ViewTexts.get("scheduler.global")), globalRunq,
                caption(ViewTexts.get("scheduler.idle")), idleMachines,
                caption(ViewTexts.get("scheduler.blocked")), blockedArea);
    }

    // ---------------------------------------------------------------- commands

    /** Redraws the scheduler as {@code state} has it. */
    public void show(VisualState state) {
        boolean aggregate = state.goroutines().stream()
                .filter(g -> g.state() != VisualState.State.DEAD).count() > AGGREGATE_ABOVE;
        pseudoClassStateChanged(AGGREGATED, aggregate);
        Set<Long> placed = new HashSet<>();

        List<Node> cards = new ArrayList<>();
        for (VisualState.Processor p : state.processors()) {
            ProcessorCard card = processors.computeIfAbsent(p.id(), ProcessorCard::new);
            fill(card.runnext, p.runnext() == 0 ? List.of() : List.of(p.runnext()), false, state, placed);
            fill(card.runq, p.runq(), aggregate, state, placed);
            card.box.pseudoClassStateChanged(IDLE, p.m() < 0);
            cards.add(card.box);
        }
        setIfChanged(processorRow, cards);

        List<Node> idle = new ArrayList<>();
        Map<Integer, List<Node>> held = new HashMap<>();
        for (VisualState.Machine m : state.machines()) {
            MachineCard card = machines.computeIfAbsent(m.id(), MachineCard::new);
            card.title.setText("M" + m.id());
            card.doing.setText(ViewTexts.get(m.parked() ? "scheduler.m.parked" : m.running() == 0 ? "scheduler.m.spinning" : "scheduler.m.runs"));
            card.box.pseudoClassStateChanged(PARKED, m.parked());
            fill(card.running, m.running() == 0 ? List.of() : List.of(m.running()), false, state, placed);
            if (m.p() >= 0 && processors.containsKey(m.p())) {
                held.computeIfAbsent(m.p(), _ -> new ArrayList<>()).add(card.box);
            } else {
                idle.add(card.box);
            }
        }
        processors.forEach((id, card) -> setIfChanged(card.machine, held.getOrDefault(id, List.of())));
        setIfChanged(idleMachines, idle);

        fill(globalRunq, state.globalRunq(), aggregate, state, placed);
        showBlocked(state, aggregate, placed);

        tokens.keySet().removeIf(g -> {
            if (placed.contains(g)) {
                return false;
            }
            Label gone = tokens.get(g);
            if (gone.getParent() instanceof Pane parent) {
                parent.getChildren().remove(gone);
            }
            return true;
        });
        tokens.forEach((g, token) -> SchedulerViewTokens.update(token, g, state));
    }

    /** Redraws as {@code after}, moving each token from where {@code before} had it over {@code d}. */
    public void animate(VisualState before, VisualState after, Duration d) {
        show(before);
        applyCss();
        layout();
        motion.remember(movers());
        show(after);
        motion.play(this, movers(), d);
    }

    /**
     * What may move in a step: each goroutine's token, and each M's card, which leaves its P for
     * the idle area in a syscall hand-off (its goroutine with it) and comes back to a P.
     */
    private Map<Object, Node> movers() {
        Map<Object, Node> m = new java.util.LinkedHashMap<>(tokens);
        machines.forEach((id, card) -> m.put("m" + id, card.box));
        return m;
    }

    /** Marks goroutine {@code g}'s token {@code :selected} (0: none). */
    public void highlight(long g) {
        selected = g;
        tokens.forEach((id, token) -> SchedulerViewTokens.mark(token, id, selected));
    }

    // ---------------------------------------------------------------- drawing

    private void showBlocked(VisualState state, boolean aggregate, Set<Long> placed) {
        List<Map.Entry<String, List<VisualState.Goroutine>>> groups = new ArrayList<>(state.blockedByReason().entrySet());
        if (aggregate) {
            groups.sort(Comparator.comparingInt((Map.Entry<String, List<VisualState.Goroutine>> e) -> -e.getValue().size()));
        }
        List<Node> shown = new ArrayList<>();
        for (Map.Entry<String, List<VisualState.Goroutine>> e : groups) {
            BlockedGroup group = blocked.computeIfAbsent(e.getKey(), BlockedGroup::new);
            group.title.setText(e.getKey() + " (" + e.getValue().size() + ")");
            fill(group.tokens, e.getValue().stream().map(VisualState.Goroutine::id).toList(), aggregate, state, placed);
            shown.add(group.box);
        }
        if (shown.isEmpty()) {
            shown.add(blocked.computeIfAbsent("", _ -> new BlockedGroup(null)).box);
        }
        setIfChanged(blockedArea, shown);
    }

    /** Puts the tokens of {@code gs} in {@code box}, in order, or one count label if aggregating. */
    private void fill(Pane box, List<Long> gs, boolean aggregate, VisualState state, Set<Long> placed) {
        if (aggregate) {
            Label count = box.getChildren().size() == 1 && box.getChildren().getFirst() instanceof Label l
                    && l.getStyleClass().contains("count") ? l : new Label();
            count.getStyleClass().setAll("count");
            count.setId(box.getId() + "-count");
            count.setText(ViewTexts.get("scheduler.count", gs.size()));
            setIfChanged(box, gs.isEmpty() ? List.of() : List.of(count));
            return;
        }
        List<Node> wanted = new ArrayList<>(gs.size());
        for (long g : gs) {
            Label token = tokens.computeIfAbsent(g, id -> {
                Label t = SchedulerViewTokens.token(id, state);
                SchedulerViewTokens.mark(t, id, selected);
                return t;
            });
            placed.add(g);
            wanted.add(token);
        }
        setIfChanged(box, wanted);
    }

    private static void setIfChanged(Pane box, List<? extends Node> wanted) {
        if (!box.getChildren().equals(wanted)) {
            box.getChildren().setAll(wanted);
        }
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        l.setWrapText(true); // in a narrow pane a caption takes two lines rather than an ellipsis
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static <P extends Pane> P box(P pane, String id, String styleClass) {
        pane.setId(id);
        pane.getStyleClass().add(styleClass);
        return pane;
    }

    /** A P: the M that holds it on top, then its runnext slot and local run queue. */
    private static final class ProcessorCard {
        final VBox box = new VBox();
        final VBox machine = new VBox();
        final HBox runnext;
        final FlowPane runq;

        ProcessorCard(int id) {
            box.setId("p-" + id);
            box.getStyleClass().add("processor");
            machine.setId("p-" + id + "-m");
            machine.getStyleClass().add("machine-slot");
            runnext = box(new HBox(), "p-" + id + "-runnext", "runnext");
            runq = box(new FlowPane(), "p-" + id + "-runq", "queue");
            Label title = new Label("P" + id);
            title.getStyleClass().add("title");
            Label runnextLabel = new Label(ViewTexts.get("scheduler.runnext"));
            runnextLabel.getStyleClass().add("slot-label");
            HBox runnextRow = new HBox(runnextLabel, runnext);
            runnextRow.getStyleClass().add("slot-row");
            Label runqLabel = new Label(ViewTexts.get("scheduler.runq"));
            runqLabel.getStyleClass().add("slot-label");
            box.getChildren().addAll(title, machine, runnextRow, runqLabel, runq);
        }
    }

    /** An M and the goroutine it runs. */
    private static final class MachineCard {
        final HBox box = new HBox();
        final Label title = new Label();
        final Label doing = new Label();
        final HBox running;

        MachineCard(int id) {
            box.setId("m-" + id);
            box.getStyleClass().add("machine");
            title.getStyleClass().add("title");
            running = box(new HBox(), "m-" + id + "-running", "running");
            doing.getStyleClass().add("slot-label");
            box.getChildren().addAll(title, doing, running);
        }
    }

    /** One wait reason and the goroutines parked for it; a null reason is the "none" placeholder. */
    private static final class BlockedGroup {
        final VBox box = new VBox();
        final Label title = new Label();
        final FlowPane tokens;

        BlockedGroup(String reason) {
            String id = reason == null ? "blocked-none" : "blocked-" + reason.trim().replaceAll("[^A-Za-z0-9]+", "-");
            box.setId(id + "-group");
            box.getStyleClass().add("blocked-group");
            title.getStyleClass().add("title");
            title.setText(reason == null ? ViewTexts.get("scheduler.nothingBlocked") : reason);
            tokens = box(new FlowPane(), id, "queue");
            box.getChildren().addAll(title, tokens);
        }
    }
}
