package loomlab.app.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsStoreTest {
    @TempDir
    Path home;

    private static final Settings CHOSEN = new Settings("zh", 1.5, true, 42, 4, "real", "real", 0.25,
            "01 goroutines", "predict", "ex-pipeline", new double[] {10, 20.5, 1280, 800}, true);

    @Test
    void noFileGivesDefaultsWithoutAProblem() {
        Loaded<Settings> loaded = new SettingsStore(home).load();

        assertEquals(Settings.defaults(), loaded.value());
        assertEquals(Optional.empty(), loaded.problem());
    }

    @Test
    void savedSettingsLoadAsTheyWereSaved() throws IOException {
        SettingsStore store = new SettingsStore(home);

        store.save(CHOSEN);
        Loaded<Settings> loaded = store.load();

        assertEquals(CHOSEN, loaded.value());
        assertArrayEquals(new double[] {10, 20.5, 1280, 800}, loaded.value().windowBounds());
        assertEquals(Optional.empty(), loaded.problem());
    }

    @Test
    void aVersionOneFileFromTheLastReleaseIsReadWithTheLightTheme() throws IOException {
        // given: what LoomLab wrote before settings had "dark" (version 1)
        Files.writeString(home.resolve("settings.txt"), """
                # LoomLab settings, written by the app.
                loomlab-settings=1
                language=zh
                fontScale=1.5
                presentation=false
                seed=7
                procs=4
                mode=real
                clock=virtual
                speed=0.0
                lastLesson=channels-in-depth
                lastStep=rendezvous
                lastExercise=
                windowBounds=
                end
                """);

        Loaded<Settings> loaded = new SettingsStore(home).load();

        assertEquals(Optional.empty(), loaded.problem(), "an older version is read, not set aside");
        assertEquals(new Settings("zh", 1.5, false, 7, 4, "real", "virtual", 0, "channels-in-depth", "rendezvous",
                "", null, false), loaded.value());
    }

    @Test
    void defaultsRoundTripWithNoWindowBounds() throws IOException {
        SettingsStore store = new SettingsStore(home);

        store.save(Settings.defaults());

        assertEquals(Settings.defaults(), store.load().value());
        assertNull(store.load().value().windowBounds());
    }

    @Test
    void theFileIsPlainTextAPersonCanRead() throws IOException {
        new SettingsStore(home).save(CHOSEN);

        String text = Files.readString(home.resolve("settings.txt"));

        assertTrue(text.contains("\nloomlab-settings=2\n"), text);
        assertTrue(text.contains("\ndark=true\n"), text);
        assertTrue(text.contains("\nlanguage=zh\n"), text);
        assertTrue(text.contains("\nlastLesson=01\\sgoroutines\n"), text);
        assertTrue(text.contains("\nwindowBounds=10.0,20.5,1280.0,800.0\n"), text);
        assertTrue(text.endsWith("\nend\n"), text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "garbage",
            "truncated",
            "wrong type",
            "unknown mode",
            "missing key",
            "newer version"})
    void anUnreadableFileGivesDefaultsAndAProblemAndIsSetAsideByteForByte(String damage) throws IOException {
        SettingsStore store = new SettingsStore(home);
        store.save(CHOSEN);
        String good = Files.readString(store.file());
        byte[] bad = switch (damage) {
            case "garbage" -> new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, 'x', '\n'};
            case "truncated" -> good.substring(0, good.length() / 2).getBytes(StandardCharsets.UTF_8);
            case "wrong type" -> good.replace("procs=4", "procs=four").getBytes(StandardCharsets.UTF_8);
            case "unknown mode" -> good.replace("mode=real", "mode=turbo").getBytes(StandardCharsets.UTF_8);
            case "missing key" -> good.replace("seed=42\n", "").getBytes(StandardCharsets.UTF_8);
            case "newer version" -> good.replace("loomlab-settings=2", "loomlab-settings=3").getBytes(StandardCharsets.UTF_8);
            default -> throw new AssertionError(damage);
        };
        Files.write(store.file(), bad);

        Loaded<Settings> loaded = store.load();

        assertEquals(Settings.defaults(), loaded.value());
        Problem problem = loaded.problem().orElseThrow();
        assertEquals(store.file(), problem.file());
        assertTrue(problem.setAside().getFileName().toString().matches("settings\\.txt\\.corrupt-\\d{8}-\\d{6}"),
                problem.setAside().toString());
        assertArrayEquals(bad, Files.readAllBytes(problem.setAside()));
        assertFalse(Files.exists(store.file()), "the bad file no longer stands in the way of a save");
        assertFalse(problem.reason().isBlank());
    }

    @Test
    void aSecondBadFileInTheSameSecondIsSetAsideUnderAnotherName() throws IOException {
        SettingsStore store = new SettingsStore(home);
        Files.writeString(store.file(), "first");
        Path first = store.load().problem().orElseThrow().setAside();
        Files.writeString(store.file(), "second");

        Path second = store.load().problem().orElseThrow().setAside();

        assertFalse(first.equals(second));
        assertEquals("first", Files.readString(first));
        assertEquals("second", Files.readString(second));
    }

    @Test
    void theReasonSaysWhatIsWrong() throws IOException {
        SettingsStore store = new SettingsStore(home);
        store.save(CHOSEN);
        Files.writeString(store.file(), Files.readString(store.file()).replace("fontScale=1.5", "fontScale=big"));

        assertEquals("fontScale is not a number: big", store.load().problem().orElseThrow().reason());
    }

    @Test
    void impossibleSettingsCannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> Settings.defaults().withFontScale(0));
        assertThrows(IllegalArgumentException.class, () -> Settings.defaults().withRun(1, 0, "real", "real", 1));
        assertThrows(IllegalArgumentException.class, () -> Settings.defaults().withWindowBounds(new double[] {1, 2}));
    }

    @Test
    void settingsKeepTheirOwnCopyOfTheWindowBounds() {
        double[] bounds = {1, 2, 3, 4};
        Settings settings = Settings.defaults().withWindowBounds(bounds);

        bounds[0] = 99;
        settings.windowBounds()[1] = 99;

        assertArrayEquals(new double[] {1, 2, 3, 4}, settings.windowBounds());
    }
}
