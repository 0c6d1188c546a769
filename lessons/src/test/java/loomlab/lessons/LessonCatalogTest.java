package loomlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The built-in catalog loads, and every lesson is complete in English and in Chinese. */
class LessonCatalogTest {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private final List<Lesson> lessons = LessonCatalog.builtIn().lessons();

    @Test
    void builtInCatalogHasItsLessonsInOrder() {
        assertEquals(List.of("goroutines-and-channels", "channels-in-depth", "cancellation-trees", "select-and-timeouts",
                "sharing-memory", "groups-pools-pipelines", "async-logging", "order-events", "the-scheduler"),
                lessons.stream().map(Lesson::id).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), lessons.stream().map(Lesson::order).toList());
        assertEquals("Channels in depth", LessonCatalog.builtIn().lesson("channels-in-depth").orElseThrow().title().en());
    }

    @Test
    void everyLessonHasFourToSixStepsAndAtLeastTwoQuestions() {
        for (Lesson l : lessons) {
            assertTrue(l.steps().size() >= 4 && l.steps().size() <= 6, l.id() + " has " + l.steps().size() + " steps");
            assertTrue(l.steps().stream().filter(s -> s.predict() != null).count() >= 2, l.id());
            assertTrue(l.steps().stream().filter(s -> s.example() != null).count() > l.steps().size() / 2,
                    l.id() + ": most steps run an example");
        }
    }

    @Test
    void bothKindsOfQuestionAreUsed() {
        Set<Predict.Kind> kinds = EnumSet.noneOf(Predict.Kind.class);
        lessons.forEach(l -> l.steps().stream().filter(s -> s.predict() != null).forEach(s -> kinds.add(s.predict().kind())));
        assertEquals(EnumSet.allOf(Predict.Kind.class), kinds);
    }

    @Test
    void everyTextIsWrittenInBothLanguages() {
        List<String> problems = new ArrayList<>();
        for (Lesson l : lessons) {
            check(problems, l.id() + " title", l.title(), true);
            check(problems, l.id() + " summary", l.summary(), true);
            for (Step s : l.steps()) {
                String at = l.id() + "/" + s.id();
                check(problems, at + " title", s.title(), true);
                check(problems, at + " text", s.markdown(), true);
                if (s.predict() != null) {
                    Predict p = s.predict();
                    check(problems, at + " question", p.question(), true);
                    check(problems, at + " explanation", p.explanation(), true);
                    for (Text c : p.choices()) {
                        check(problems, at + " choice", c, p.kind() == Predict.Kind.CHOICE);
                    }
                }
                for (Watch w : s.watch()) {
                    check(problems, at + " watch " + w.name(), w.note(), true);
                }
                if (s.example() != null) {
                    assertFalse(s.go() == null || s.go().isBlank(), at + " runs an example but shows no Go original");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Both languages written; when {@code translated}, the Chinese is Chinese and not a copy of the English. */
    private static void check(List<String> problems, String where, Text t, boolean translated) {
        if (t.en().isBlank() || t.zh().isBlank()) {
            problems.add(where + ": blank");
        } else if (translated && (t.en().equals(t.zh()) || !HAN.matcher(t.zh()).find())) {
            problems.add(where + ": not translated");
        } else if (translated && HAN.matcher(t.en()).find()) {
            problems.add(where + ": Chinese in the English text");
        }
    }

    @Test
    void textInTheLearnersLanguage() {
        Text title = lessons.getFirst().title();
        assertEquals(title.zh(), title.in(Locale.SIMPLIFIED_CHINESE));
        assertEquals(title.en(), title.in(Locale.GERMAN));
    }

    @Test
    void aFolderOnDiskGivesTheSameLessonsAsTheResources() {
        List<Lesson> fromDisk = LessonCatalog.fromDirectory(Path.of("src/main/resources/loomlab/lessons")).lessons();
        assertEquals(lessons, fromDisk);
    }
}
