package loomlab.lessons;

import java.util.List;

/**
 * One step of a lesson: read, predict, run, watch.
 *
 * @param id       stable within its lesson, kebab-case
 * @param title    the step's title
 * @param markdown the text, CommonMark (headings, lists, tables, code, emphasis)
 * @param go       the Go original the example translates, written fresh; null if none
 * @param example  the Java program that runs on the engine; null for a text-only step
 * @param predict  a question to answer before running; null if none
 * @param watch    what to look at in the views while the example runs; may be empty
 */
public record Step(String id, Text title, Text markdown, String go, Example example, Predict predict,
                   List<Watch> watch) {
    public Step {
        watch = List.copyOf(watch);
    }
}
