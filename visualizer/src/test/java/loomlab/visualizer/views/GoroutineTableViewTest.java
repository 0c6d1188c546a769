package loomlab.visualizer.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import loomlab.visualizer.model.RunModel;
import loomlab.visualizer.model.VisualState;
import loomlab.visualizer.model.VisualState.Goroutine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The goroutine table over the producer–consumer run, at the moment the producer first blocks. */
@ExtendWith(ApplicationExtension.class)
class GoroutineTableViewTest {
    private final RunModel run = CannedRuns.producerConsumer();
    private final long blockedAt = firstSeqWithASenderBlocked(run);
    private GoroutineTableView table;
    private StackPane root;

    @Start
    void start(Stage stage) {
        table = new GoroutineTableView();
        table.setRun(run);
        root = new StackPane(table);
        Palette.applyTheme(root, false);
        stage.setScene(new Scene(root, 760, 260));
        stage.show();
        table.show(run.stateAt(blockedAt));
    }

    @Test
    void hasOneRowPerGoroutineAndTheColumnsAPersonAsksAbout(FxRobot robot) {
        VisualState state = run.stateAt(blockedAt);

        assertEquals(state.goroutines(), table.getItems());
        assertEquals(List.of("G", "Name", "State", "Wait reason", "For", "Creator", "Stack (innermost first)"),
                table.getColumns().stream().map(TableColumn::getText).toList());
        assertTrue(robot.lookup("#goroutineTable").tryQuery().isPresent());
    }

    @Test
    void theBlockedProducerShowsItsStateWaitReasonCreatorAndSourceLine(FxRobot robot) {
        int row = indexOfName("producer");

        assertEquals("waiting", cell("state", row));
        assertEquals("chan send", cell("waitReason", row));
        assertEquals("g1", cell("creator", row));
        assertTrue(cell("at", row).contains(".java:"), "a source line, was " + cell("at", row));
        assertTrue(robot.lookup(".goroutine-chip").tryQuery().isPresent(), "ids are on coloured chips");
    }

    @Test
    void howLongIsTheStatesClockMinusWhenTheGoroutineEnteredItsState() {
        VisualState later = run.stateAt(run.size() - 1); // before the exit, when main still runs
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> table.show(later));
        Goroutine main = later.goroutine(1);

        assertEquals(GoroutineTableView.duration(later.nanos() - main.since()), cell("for", indexOfId(1)));
    }

    @Test
    void selectingARowSetsTheSelectedGoroutineAndSettingItSelectsTheRow() {
        int producer = indexOfName("producer");
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> table.getSelectionModel().select(producer));
        long producerId = table.getItems().get(producer).id();

        assertEquals(producerId, table.selectedGoroutineProperty().get());

        WaitForAsyncUtils.waitForAsyncFx(5000, () -> table.selectedGoroutineProperty().set(1));
        assertEquals(1, table.getSelectionModel().getSelectedItem().id());

        WaitForAsyncUtils.waitForAsyncFx(5000, () -> table.show(run.latest()));
        assertEquals(1, table.getSelectionModel().getSelectedItem().id(), "a new frame keeps the selection");
        assertEquals(1, table.selectedGoroutineProperty().get());
    }

    @Test
    void screenshotsInLightAndDark() throws Exception {
        Path light = ViewScreenshots.DIR.resolve("goroutine-table-light.png");
        Path dark = ViewScreenshots.DIR.resolve("goroutine-table-dark.png");
        long busy = run.size() * 2 / 3; // later on: the clock has moved, so "For" says something
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            table.show(run.stateAt(busy));
            table.selectedGoroutineProperty().set(1);
        });

        ViewScreenshots.write(root, light);
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> Palette.applyTheme(root, true));
        ViewScreenshots.write(root, dark);

        assertTrue(Files.size(light) > 0 && Files.size(dark) > 0);
    }

    private String cell(String columnId, int row) {
        TableColumn<Goroutine, ?> column = table.getColumns().stream()
                .filter(c -> columnId.equals(c.getId())).findFirst().orElseThrow();
        return String.valueOf(column.getCellObservableValue(row).getValue());
    }

    private int indexOfName(String name) {
        List<Goroutine> items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (name.equals(items.get(i).name())) {
                return i;
            }
        }
        throw new AssertionError("no goroutine named " + name + " in " + items);
    }

    private int indexOfId(long id) {
        List<Goroutine> items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id() == id) {
                return i;
            }
        }
        throw new AssertionError("no goroutine " + id);
    }

    /** The first event after which a goroutine waits on a full channel. */
    private static long firstSeqWithASenderBlocked(RunModel run) {
        for (long seq = 1; seq <= run.size(); seq++) {
            for (Goroutine g : run.stateAt(seq).goroutines()) {
                if ("chan send".equals(g.waitReason())) {
                    return seq;
                }
            }
        }
        throw new AssertionError("the producer never blocked");
    }
}
