package loomlab.lessons;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loomlab.engine.RunMode;

/**
 * What {@code lesson.txt} says about one step: the files it shows and runs, what the run must
 * give, and the language-neutral half of its predict question. Everything in it is the same in
 * every language, so it is written once.
 *
 * <pre>
 * step: first-workers          (a step id of the language files)
 * go: workers.go               (the Go original, shown beside the Java)
 * java: Workers.java           (the example; its public class has the file's name)
 * seed: 1                      (the deterministic run the expectations describe)
 * procs: 1
 * mode: real                   (optional: the scheduler's own order on GOMAXPROCS carriers, virtual clock)
 * status: 0
 * output:                      (every line the program prints, each after '> ')
 * > worker-1 starting
 * predict: first-line 0        (kind and answer: 'choice N' or 'first-line N', N from 0)
 * choice: worker-1 starting    (first-line only: the output lines offered)
 * check: never-prints worker-1 done   (facts of the run that make a 'choice' answer right)
 * </pre>
 *
 * @param line  where {@code step:} is
 * @param lines where each key was given, for messages
 */
record StepSetup(int line, String id, String go, String java, Long seed, Integer procs, RunMode mode, Integer status,
                 List<String> output, Predict.Kind kind, int answer, List<String> choices, List<Fact> checks,
                 Map<String, Integer> lines) {

    /** Reads the whole file: the setups by step id, in the order written. */
    static Map<String, StepSetup> parse(LessonFile file) {
        Map<String, StepSetup> setups = new LinkedHashMap<>();
        Builder b = null;
        for (int n = 1; n <= file.lineCount(); n++) {
            String line = file.line(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(">")) {
                if (b == null || !b.inOutput) {
                    throw file.error(n, "an output line ('> …') belongs right under 'output:'");
                }
                b.output.add(line.startsWith("> ") ? line.substring(2) : line.substring(1));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                throw file.error(n, "expected 'key: value', not '" + line.strip() + "'");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.equals("step")) {
                if (b != null) {
                    put(file, setups, b.build(file));
                }
                b = new Builder(n, value);
                continue;
            }
            if (b == null) {
                throw file.error(n, "'" + key + ":' comes before any 'step: <id>'");
            }
            b.inOutput = false;
            b.set(file, n, key, value);
        }
        if (b != null) {
            put(file, setups, b.build(file));
        }
        return setups;
    }

    private static void put(LessonFile file, Map<String, StepSetup> setups, StepSetup s) {
        if (setups.containsKey(s.id)) {
            throw file.error(s.line, "step '" + s.id + "' is set up twice (first on line " + setups.get(s.id).line + ")");
        }
        setups.put(s.id, s);
    }

    /** Where {@code key} was given, or where the step starts. */
    int lineOf(String key) {
        return lines.getOrDefault(key, line);
    }

    private static final class Builder {
        final int line;
        final String id;
        final Map<String, Integer> lines = new HashMap<>();
        String go;
        String java;
        Long seed;
        Integer procs;
        RunMode mode;
        Integer status;
        List<String> output;
        boolean inOutput;
        Predict.Kind kind;
        int answer = -1;
        final List<String> choices = new ArrayList<>();
        final List<Fact> checks = new ArrayList<>();

        Builder(int line, String id) {
            this.line = line;
            this.id = id;
        }

        void set(LessonFile file, int n, String key, String value) {
            if (!key.equals("choice") && !key.equals("check") && lines.containsKey(key)) {
                throw file.error(n, "'" + key + ":' is given twice in step '" + id + "'");
            }
            lines.putIfAbsent(key, n);
            switch (key) {
                case "go" -> go = fileName(file, n, value, ".go");
                case "java" -> java = fileName(file, n, value, ".java");
                case "seed" -> seed = (long) number(file, n, key, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "procs" -> procs = (int) number(file, n, key, value, 1, 256);
                case "mode" -> mode = switch (value) {
                    case "deterministic" -> RunMode.DETERMINISTIC;
                    case "real" -> RunMode.REAL;
                    default -> throw file.error(n, "'mode:' is 'deterministic' (the default) or 'real', not '" + value + "'");
                };
                case "status" -> status = (int) number(file, n, key, value, 0, 255);
                case "output" -> {
                    if (!value.isEmpty()) {
                        throw file.error(n, "'output:' stands alone; each line of the output follows it as '> line'");
                    }
                    output = new ArrayList<>();
                    inOutput = true;
                }
                case "predict" -> predict(file, n, value);
                case "choice" -> {
                    if (value.isEmpty()) {
                        throw file.error(n, "'choice:' has no text");
                    }
                    choices.add(value);
                }
                case "check" -> checks.add(Fact.parse(file, n, value));
                default -> throw file.error(n, "unknown key '" + key + ":'; a step has go, java, seed, procs, "
                        + "mode, status, output, predict, choice and check");
            }
        }

        private void predict(LessonFile file, int n, String value) {
            String[] parts = value.split("\\s+");
            if (parts.length != 2 || !(parts[0].equals("choice") || parts[0].equals("first-line"))) {
                throw file.error(n, "expected 'predict: choice <answer>' or 'predict: first-line <answer>', "
                        + "the answer counted from 0");
            }
            kind = parts[0].equals("choice") ? Predict.Kind.CHOICE : Predict.Kind.FIRST_LINE;
            answer = (int) number(file, n, "predict", parts[1], 0, 99);
        }

        StepSetup build(LessonFile file) {
            if (id.isEmpty()) {
                throw file.error(line, "'step:' names a step id of the language files");
            }
            return new StepSetup(line, id, go, java, seed, procs, mode, status, output, kind, answer,
                    List.copyOf(choices), List.copyOf(checks), Map.copyOf(lines));
        }
    }

    private static String fileName(LessonFile file, int n, String value, String suffix) {
        if (!value.endsWith(suffix) || value.contains("/") || value.contains("\\") || value.length() == suffix.length()) {
            throw file.error(n, "expected a file name ending in " + suffix + " in this lesson's folder, not '" + value + "'");
        }
        return value;
    }

    private static long number(LessonFile file, int n, String key, String value, long min, long max) {
        try {
            long v = Long.parseLong(value);
            if (v < min || v > max) {
                throw file.error(n, "'" + key + "' must be between " + min + " and " + max + ", not " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw file.error(n, "'" + key + "' must be a whole number, not '" + value + "'");
        }
    }
}
