/**
 * The grading classes of the built-in exercises: one JUnit 5 class per exercise, one method per
 * check. The checks' names and hints, in English and Chinese, are in each exercise's
 * {@code exercise.properties}; here are the scenarios and the measurements.
 */
package loomlab.exercises.checks;
