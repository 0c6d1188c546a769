package loomlab.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one language file ({@code lesson.en.md}, {@code lesson.zh.md}) says: every word of the
 * lesson in that language. The syntax, and why it is this one, is in {@code lessons/README.md}
 * and ADR 8.
 *
 * <pre>
 * ---
 * title: …
 * summary: …
 * ---
 *
 * ## Step title {#step-id}
 * Markdown …
 * ```predict            (optional: the question's words)
 * question: …
 * choice: …             (CHOICE questions only, one line each)
 * explanation: …
 * ```
 * ```watch              (optional: one note per object)
 * goroutine worker-1: …
 * ```
 * </pre>
 * A line that starts with a space continues the value above it.
 */
record LanguageText(LessonFile file, String title, String summary, List<StepText> steps) {
    /** A step heading: {@code ## Title {#step-id}}. */
    private static final Pattern HEADING = Pattern.compile("^## (.+?)\\s+\\{#([^}]*)}\\s*$");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern FENCE = Pattern.compile("^(```|~~~)\\s*(\\S*)\\s*$");

    /**
     * One step in this language.
     *
     * @param line    where its heading is
     * @param predict the words of its question, or null
     * @param watch   its watch notes, in order
     */
    record StepText(int line, String id, String title, String markdown, PredictText predict, List<WatchText> watch) {
    }

    /** The words of a predict question; {@code choices} is empty for a FIRST_LINE question. */
    record PredictText(int line, String question, List<String> choices, String explanation) {
    }

    /** One watch note: {@code <target> <name>: <note>}. */
    record WatchText(int line, Watch.Target target, String name, String note) {
        /** How the note is keyed across languages: {@code goroutine worker-1}. */
        String key() {
            return target.name().toLowerCase(Locale.ROOT) + (name.isEmpty() ? "" : " " + name);
        }
    }

    static LanguageText parse(LessonFile file) {
        int n = 1;
        if (file.lineCount() == 0 || !file.line(1).strip().equals("---")) {
            throw file.error(1, "a lesson text starts with front matter: a line '---', 'title: …', 'summary: …', '---'");
        }
        Map<String, String> front = new LinkedHashMap<>();
        int end = -1;
        for (n = 2; n <= file.lineCount(); n++) {
            String line = file.line(n);
            if (line.strip().equals("---")) {
                end = n;
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? line.strip() : line.substring(0, colon).strip();
            if (colon < 0 || !(key.equals("title") || key.equals("summary"))) {
                throw file.error(n, "the front matter holds 'title: …' and 'summary: …' only, not '" + line.strip() + "'");
            }
            if (front.containsKey(key)) {
                throw file.error(n, "'" + key + "' is given twice");
            }
            String value = line.substring(colon + 1).strip();
            if (value.isEmpty()) {
                throw file.error(n, "'" + key + "' is empty");
            }
            front.put(key, value);
        }
        if (end < 0) {
            throw file.error(1, "the front matter is not closed by a line '---'");
        }
        for (String key : List.of("title", "summary")) {
            if (!front.containsKey(key)) {
                throw file.error(end, "the front matter has no '" + key + ": …'");
            }
        }
        return new LanguageText(file, front.get("title"), front.get("summary"), steps(file, end + 1));
    }

    // ---------------------------------------------------------------- steps

    private static List<StepText> steps(LessonFile file, int first) {
        List<StepText> steps = new ArrayList<>();
        StepBuilder step = null;
        String fence = null; // the open fence of a code block of the Markdown, or null
        for (int n = first; n <= file.lineCount(); n++) {
            String line = file.line(n);
            Matcher f = FENCE.matcher(line);
            if (fence == null && f.matches() && (f.group(2).equals("predict") || f.group(2).equals("watch"))) {
                if (step == null) {
                    throw file.error(n, "a '" + f.group(2) + "' block belongs to a step: put it under a '## Title {#id}' heading");
                }
                int close = closingFence(file, n, f.group(1));
                List<Integer> body = new ArrayList<>();
                for (int k = n + 1; k < close; k++) {
                    body.add(k);
                }
                if (f.group(2).equals("predict")) {
                    step.predict(file, n, body);
                } else {
                    step.watch(file, body);
                }
                n = close;
                continue;
            }
            if (fence != null) {
                if (line.strip().equals(fence)) {
                    fence = null;
                }
            } else if (f.matches()) {
                fence = f.group(1);
            } else if (line.startsWith("## ")) {
                if (step != null) {
                    steps.add(step.build(file));
                }
                step = heading(file, n, line);
                continue;
            }
            if (step == null) {
                if (!line.isBlank()) {
                    throw file.error(n, "text before the first step: every text belongs to a step that starts with '## Title {#step-id}'");
                }
            } else {
                step.markdown.add(line);
            }
        }
        if (fence != null) {
            throw file.error(file.lineCount(), "a code block (" + fence + ") is never closed");
        }
        if (step != null) {
            steps.add(step.build(file));
        }
        if (steps.isEmpty()) {
            throw file.error(file.lineCount(), "the lesson has no step: a step starts with '## Title {#step-id}'");
        }
        return steps;
    }

    private static StepBuilder heading(LessonFile file, int n, String line) {
        Matcher h = HEADING.matcher(line);
        if (!h.matches()) {
            throw file.error(n, "a step heading ends with its id: '## Title {#step-id}'");
        }
        String id = h.group(2);
        if (!ID.matcher(id).matches()) {
            throw file.error(n, "step id '" + id + "' is not kebab-case (lower-case letters, digits and '-')");
        }
        return new StepBuilder(n, id, h.group(1).strip());
    }

    private static int closingFence(LessonFile file, int open, String fence) {
        for (int k = open + 1; k <= file.lineCount(); k++) {
            if (file.line(k).strip().equals(fence)) {
                return k;
            }
            if (FENCE.matcher(file.line(k)).matches()) {
                throw file.error(open, "this block is not closed by a line '" + fence + "' before another starts on line " + k);
            }
        }
        throw file.error(open, "this block is never closed by a line '" + fence + "'");
    }

    /** Collects one step while its lines are read. */
    private static final class StepBuilder {
        final int line;
        final String id;
        final String title;
        final List<String> markdown = new ArrayList<>();
        PredictText predict;
        final List<WatchText> watch = new ArrayList<>();

        StepBuilder(int line, String id, String title) {
            this.line = line;
            this.id = id;
            this.title = title;
        }

        void predict(LessonFile file, int open, List<Integer> body) {
            if (predict != null) {
                throw file.error(open, "step '" + id + "' has a second predict block; a step asks one question");
            }
            String question = null;
            String explanation = null;
            List<String> choices = new ArrayList<>();
            for (Entry e : entries(file, body)) {
                switch (e.key) {
                    case "question" -> question = once(file, e, question);
                    case "explanation" -> explanation = once(file, e, explanation);
                    case "choice" -> choices.add(e.value);
                    default -> throw file.error(e.line, "a predict block holds 'question:', 'choice:' and "
                            + "'explanation:', not '" + e.key + ":'");
                }
            }
            if (question == null) {
                throw file.error(open, "the predict block has no 'question: …'");
            }
            if (explanation == null) {
                throw file.error(open, "the predict block has no 'explanation: …' (shown after the run)");
            }
            predict = new PredictText(open, question, List.copyOf(choices), explanation);
        }

        void watch(LessonFile file, List<Integer> body) {
            for (Entry e : entries(file, body)) {
                String[] head = e.key.split(" ", 2);
                Watch.Target target = target(file, e.line, head[0]);
                String name = head.length > 1 ? head[1] : "";
                if (name.isEmpty() && target != Watch.Target.CONSOLE) {
                    throw file.error(e.line, "a watch note names its object: '" + head[0] + " <name>: note'");
                }
                WatchText w = new WatchText(e.line, target, name, e.value);
                if (watch.stream().anyMatch(o -> o.key().equals(w.key()))) {
                    throw file.error(e.line, "'" + w.key() + "' has a second note in this step");
                }
                watch.add(w);
            }
        }

        StepText build(LessonFile file) {
            int from = 0;
            int to = markdown.size();
            while (from < to && markdown.get(from).isBlank()) {
                from++;
            }
            while (to > from && markdown.get(to - 1).isBlank()) {
                to--;
            }
            if (from == to) {
                throw file.error(line, "step '" + id + "' has no text");
            }
            return new StepText(line, id, title, String.join("\n", markdown.subList(from, to)), predict, List.copyOf(watch));
        }
    }

    private static Watch.Target target(LessonFile file, int line, String word) {
        for (Watch.Target t : Watch.Target.values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(word)) {
                return t;
            }
        }
        throw file.error(line, "'" + word + "' is not a kind of object to watch; one of: goroutine, channel, "
                + "context, processor, lock, timer, console");
    }

    private static String once(LessonFile file, Entry e, String before) {
        if (before != null) {
            throw file.error(e.line, "'" + e.key + ":' is given twice");
        }
        return e.value;
    }

    /** One {@code key: value} of a block, with its continuation lines joined by spaces. */
    private record Entry(int line, String key, String value) {
    }

    /** Reads {@code key: value} lines; a line starting with whitespace continues the value above. */
    private static List<Entry> entries(LessonFile file, List<Integer> body) {
        List<Entry> entries = new ArrayList<>();
        for (int n : body) {
            String line = file.line(n);
            if (line.isBlank()) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                if (entries.isEmpty()) {
                    throw file.error(n, "an indented line continues the value above it, but there is none");
                }
                Entry last = entries.removeLast();
                entries.add(new Entry(last.line, last.key, last.value + " " + line.strip()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw file.error(n, "expected 'key: value', not '" + line.strip() + "'");
            }
            String value = line.substring(colon + 1).strip();
            if (value.isEmpty()) {
                throw file.error(n, "'" + line.substring(0, colon) + ":' has no text");
            }
            entries.add(new Entry(n, line.substring(0, colon).strip(), value));
        }
        return entries;
    }
}
