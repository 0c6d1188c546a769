/**
 * What the learner's classes implement: one small interface per exercise. The learner's class
 * (default package, compiled from the editor) implements it, and the grading tests call it through
 * it, so that a test is type-checked against the task and never reflects on the learner's code.
 * See {@code docs/adr/0009-grading.md}.
 */
package loomlab.exercises.api;
