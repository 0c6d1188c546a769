package loomlab.visualizer.views;

import static loomlab.engine.Go.go;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import loomlab.engine.Chan;
import loomlab.engine.Time;
import loomlab.engine.events.Traced;
import loomlab.visualizer.model.RunModel;
import loomlab.visualizer.model.VisualState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The views speak English and Chinese; long channel queues are shown as a head and a count. */
@ExtendWith(ApplicationExtension.class)
class ViewTextsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void backToEnglish() {
        ViewTexts.setLocale(Locale.ENGLISH);
    }

    @Test
    void bothLanguagesHaveEveryKey() throws IOException {
        Properties en = load("texts.properties");
        Properties zh = load("texts_zh.properties");
        assertEquals(en.stringPropertyNames(), zh.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertFalse(en.getProperty(key).isBlank(), key);
            assertFalse(zh.getProperty(key).isBlank(), key);
        }
    }

    @Test
    void textsFollowTheLanguageAndFillTheirArguments() {
        ViewTexts.setLocale(Locale.ENGLISH);
        assertEquals("cap 4, len 2", ViewTexts.get("channels.capacity", 4, 2));
        assertEquals("1 earlier line not shown (keeping the last 10,000)", ViewTexts.get("console.dropped", 1, 10_000));
        assertEquals("3 earlier lines not shown (keeping the last 10,000)", ViewTexts.get("console.dropped", 3, 10_000));
        ViewTexts.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("容量 4，长度 2", ViewTexts.get("channels.capacity", 4, 2));
        assertEquals("12 个 goroutine", ViewTexts.get("scheduler.count", 12));
    }

    /** 30 receivers park on "jobs": the first 12 are tokens, the rest a count. */
    static List<Traced> crowdedRun() {
        return CannedRuns.record(() -> {
            Chan<Integer> jobs = Chan.make("jobs", 2);
            Chan<Integer> results = Chan.make("results");
            for (int i = 0; i < 30; i++) {
                go("worker-" + i, () -> {
                    for (Integer j : jobs) {
                        results.send(j);
                    }
                });
            }
            Time.sleep(Duration.ofMillis(1));
            jobs.close();
            Time.sleep(Duration.ofMillis(1));
        });
    }

    @Test
    void aLongQueueShowsItsHeadAndACount(FxRobot robot) throws Exception {
        ViewTexts.setLocale(Locale.SIMPLIFIED_CHINESE);
        List<Traced> run = crowdedRun();
        RunModel model = RunModel.of(run);
        long crowded = SchedulerViewTest.seqOf(run, e -> e instanceof loomlab.engine.events.Event.ChanClose) - 1;
        VisualState state = model.stateAt(crowded);
        assertEquals(30, state.channels().getFirst().recvq().size());
        ChannelsView channels = new ChannelsView();
        SchedulerView scheduler = new SchedulerView();
        VBox root = new VBox(channels, scheduler);
        robot.interact(() -> {
            stage.setScene(new Scene(new ScrollPane(root), 1000, 720));
            stage.getScene().getStylesheets().add(ChannelsView.class.getResource("theme.css").toExternalForm());
            stage.show();
            channels.show(state);
            scheduler.show(state);
        });
        long shown = channels.lookup("#chan-1-recvq").lookupAll(".goroutine-token").size();
        assertEquals(ChannelsViewCard.QUEUE_SHOWN, shown);
        Label more = (Label) channels.lookup("#chan-1-recvq-more");
        assertNotNull(more);
        assertEquals("另有 18 个", more.getText());
        assertNull(channels.lookup("#chan-1-sendq-more"));
        ViewScreenshots.write(root, ViewScreenshots.DIR.resolve("channels-scheduler-zh.png"));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ViewTexts.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
