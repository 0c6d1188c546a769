package loomlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The English and Chinese texts of the workbench. */
class MessagesTest {

    @Test
    void englishAndChineseBundlesHaveTheSameKeys() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh.properties");

        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(chinese.stringPropertyNames()));
    }

    @Test
    void chineseTextsAreReadAsUtf8() {
        assertEquals("课程", LoomLabApp.messages(Locale.SIMPLIFIED_CHINESE).getString("lessons.title"));
    }

    @Test
    void englishIsShownInEnglishOnAChineseSystem() {
        Locale system = Locale.getDefault();
        try {
            // given
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            // when
            ResourceBundle english = LoomLabApp.messages(Locale.ENGLISH);
            // then
            assertEquals("Scheduler", english.getString("views.scheduler"));
        } finally {
            Locale.setDefault(system);
        }
    }

    private static Properties load(String name) throws IOException {
        try (InputStream in = LoomLabApp.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " is on the class path");
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        }
    }
}
