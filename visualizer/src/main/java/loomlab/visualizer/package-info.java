/**
 * What the workbench draws: a visual model folded from the engine's events (a pure function of
 * events 1..n, testable without a screen) and the JavaFX views that draw it.
 *
 * <p>This module sees the engine's public API and its events, never {@code loomlab.engine.internal}.
 */
package loomlab.visualizer;
