package loomlab.lessons;

import java.util.List;

/**
 * A lesson: an idea of the source article, taught in steps. Lessons are data (see
 * {@link LessonCatalog} for where they live and how an author adds one).
 *
 * @param id      stable, kebab-case (e.g. {@code goroutines-and-channels}); progress is kept by it
 * @param order   where it stands in the lesson tree, ascending
 * @param title   its title
 * @param summary one or two sentences for the lesson tree's tooltip
 * @param steps   at least one
 */
public record Lesson(String id, int order, Text title, Text summary, List<Step> steps) {
    public Lesson {
        steps = List.copyOf(steps);
    }
}
