package loomlab.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import loomlab.lessons.Text;
import org.junit.jupiter.api.Test;

class ExerciseCatalogTest {
    private final List<Exercise> all = ExerciseCatalog.builtIn().exercises();

    @Test
    void theEightExercisesComeInOrder() {
        assertEquals(List.of("worker-pool", "fan-in", "call-with-timeout", "first-error", "retry-with-backoff",
                "async-logger", "loading-cache", "in-order"), all.stream().map(Exercise::id).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), all.stream().map(Exercise::order).toList());
    }

    @Test
    void eachExerciseFollowsALessonThatExists() {
        loomlab.lessons.LessonCatalog lessons = loomlab.lessons.LessonCatalog.builtIn();
        assertEquals(List.of("goroutines-and-channels", "channels-in-depth", "channels-in-depth", "cancellation-trees",
                "order-events", "async-logging", "sharing-memory", "the-scheduler"), all.stream().map(Exercise::lesson).toList());
        for (Exercise e : all) {
            assertTrue(lessons.lesson(e.lesson()).isPresent(), e.id() + " follows " + e.lesson());
        }
    }

    @Test
    void everyTextExistsInEnglishAndChinese() {
        for (Exercise e : all) {
            assertBoth(e.id() + " title", e.title());
            assertBoth(e.id() + " statement", e.statement());
            assertTrue(e.hints().size() >= 2, e.id() + " has at least two hints");
            e.hints().forEach(h -> assertBoth(e.id() + " hint", h));
            for (CheckText c : ExerciseCatalog.checks(e.id())) {
                assertBoth(e.id() + " check " + c.id(), c.name());
                assertBoth(e.id() + " hint of " + c.id(), c.hint());
            }
        }
    }

    @Test
    void starterAndReferenceDeclareTheClassAndImplementTheInterface() {
        for (Exercise e : all) {
            for (String source : List.of(e.starter(), e.reference())) {
                assertTrue(source.contains("public class " + e.className() + " implements "), e.id());
                assertFalse(source.contains("package "), e.id() + ": the default package");
            }
        }
    }

    @Test
    void everyCheckHasTextsAndEveryTextHasACheck() throws Exception {
        for (Exercise e : all) {
            Class<?> grading = Class.forName(e.gradingTests());
            Set<String> methods = Arrays.stream(grading.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(org.junit.jupiter.api.Test.class))
                    .map(Method::getName).collect(Collectors.toSet());
            Set<String> texts = ExerciseCatalog.checks(e.id()).stream().map(CheckText::id).collect(Collectors.toSet());
            assertEquals(methods, texts, e.id());
            assertTrue(texts.size() >= 4 && texts.size() <= 6, e.id() + " has 4 to 6 checks");
        }
    }

    @Test
    void anUnknownIdIsEmpty() {
        assertTrue(ExerciseCatalog.builtIn().exercise("no-such-exercise").isEmpty());
        assertTrue(ExerciseCatalog.checks("no-such-exercise").isEmpty());
    }

    private static void assertBoth(String what, Text t) {
        assertFalse(t.en().isBlank(), what + " (en)");
        assertFalse(t.zh().isBlank(), what + " (zh)");
        assertTrue(t.zh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                what + " (zh) is Chinese");
    }
}
