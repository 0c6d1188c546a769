/**
 * The exercises: starter code, reference solutions, JUnit grading tests, and the grading support
 * (many deterministic schedules per test, virtual time, leak and deadlock checks, hints).
 */
package loomlab.exercises;
