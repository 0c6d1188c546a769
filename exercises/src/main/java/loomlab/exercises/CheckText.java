package loomlab.exercises;

import loomlab.lessons.Text;

/**
 * What the learner reads about one check of an exercise, from its {@code exercise.properties}.
 *
 * @param id   the check's id: its test method's name
 * @param name what it checks
 * @param hint the hint shown when it fails: names the concurrency mistake
 */
public record CheckText(String id, Text name, Text hint) {
}
