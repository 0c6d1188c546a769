package loomlab.lessons;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import loomlab.engine.RunMode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads lessons from their files, strictly: anything malformed or inconsistent fails with a
 * {@link LessonFormatException} naming the file and line. The format is described in
 * {@code lessons/README.md}; why it is this one, in ADR 8.
 *
 * <p>A lesson folder {@code NN-lesson-id/} holds {@code lesson.en.md} and {@code lesson.zh.md}
 * (the words, per language: {@link LanguageText}), {@code lesson.txt} (what each step shows and
 * runs, and what the run must give: {@link StepSetup}), and the {@code .go} and {@code .java}
 * files that {@code lesson.txt} names. {@code index.txt} lists the folders in order, because
 * resources in a jar cannot be listed.
 */
final class LessonLoader {
    /** Where the built-in lessons are, on the class path. */
    static final String RESOURCES = "loomlab/lessons";
    static final String INDEX = "index.txt";
    static final String ENGLISH = "lesson.en.md";
    static final String CHINESE = "lesson.zh.md";
    static final String SETUP = "lesson.txt";

    private static final Pattern FOLDER = Pattern.compile("(\\d{2,})-([a-z0-9]+(?:-[a-z0-9]+)*)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;");

    /** A lesson as read, with what only the lesson tests need: the facts each step's run must show. */
    record Loaded(Lesson lesson, String folder, Map<String, List<Fact>> checks) {
    }

    private LessonLoader() {
    }

    /** The built-in lessons once read; null until then (a failed read is not kept, so its message shows every time). */
    private static volatile List<Loaded> builtIn;

    static LessonCatalog builtIn() {
        List<Lesson> lessons = loadBuiltIn().stream().map(Loaded::lesson).toList();
        return () -> lessons;
    }

    static List<Loaded> loadBuiltIn() {
        List<Loaded> loaded = builtIn;
        if (loaded == null) {
            loaded = load(new LessonFiles.Resources(RESOURCES));
            builtIn = loaded;
        }
        return loaded;
    }

    static LessonCatalog fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new LessonFormatException(dir.toString(), 0, "is not a folder of lessons");
        }
        List<Lesson> lessons = load(new LessonFiles.Directory(dir)).stream().map(Loaded::lesson).toList();
        return () -> lessons;
    }

    /** Every lesson of {@code files}, by ascending order. */
    static List<Loaded> load(LessonFiles files) {
        LessonFile index = new LessonFile(files.describe(INDEX), files.read(INDEX)
                .orElseThrow(() -> new LessonFormatException(files.describe(INDEX), 0,
                        "is missing; it lists the lesson folders, one a line, in order")));
        List<Loaded> lessons = new ArrayList<>();
        Map<String, Integer> listed = new HashMap<>();
        Map<Integer, String> orders = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (int n = 1; n <= index.lineCount(); n++) {
            String folder = index.line(n).strip();
            if (folder.isEmpty() || folder.startsWith("#")) {
                continue;
            }
            Matcher m = FOLDER.matcher(folder);
            if (!m.matches()) {
                throw index.error(n, "'" + folder + "' is not a lesson folder name: two or more digits (its order), "
                        + "'-', then the lesson id in kebab-case, e.g. 01-goroutines-and-channels");
            }
            if (listed.containsKey(folder)) {
                throw index.error(n, "'" + folder + "' is listed twice (first on line " + listed.get(folder) + ")");
            }
            listed.put(folder, n);
            int order = Integer.parseInt(m.group(1));
            if (orders.containsKey(order)) {
                throw index.error(n, "order " + order + " is taken by " + orders.get(order));
            }
            orders.put(order, folder);
            if (!ids.add(m.group(2))) {
                throw index.error(n, "lesson id '" + m.group(2) + "' is taken by another folder");
            }
            lessons.add(lesson(files, folder, m.group(2), order));
        }
        files.folders().ifPresent(present -> {
            for (String folder : present) {
                if (FOLDER.matcher(folder).matches() && !listed.containsKey(folder)) {
                    throw index.error(0, "lesson folder '" + folder + "' is not listed here");
                }
            }
        });
        if (lessons.isEmpty()) {
            throw index.error(0, "lists no lesson");
        }
        lessons.sort(Comparator.comparingInt(l -> l.lesson().order()));
        return List.copyOf(lessons);
    }

    // ---------------------------------------------------------------- one lesson

    private static Loaded lesson(LessonFiles files, String folder, String id, int order) {
        LanguageText en = LanguageText.parse(file(files, folder, ENGLISH));
        LanguageText zh = LanguageText.parse(file(files, folder, CHINESE));
        LessonFile setupFile = file(files, folder, SETUP);
        Map<String, StepSetup> setups = StepSetup.parse(setupFile);
        sameSteps(en, zh);
        Set<String> stepIds = new HashSet<>();
        en.steps().forEach(s -> stepIds.add(s.id()));
        for (StepSetup s : setups.values()) {
            if (!stepIds.contains(s.id())) {
                throw setupFile.error(s.line(), "no step '" + s.id() + "' in " + ENGLISH + "; its steps are "
                        + en.steps().stream().map(LanguageText.StepText::id).toList());
            }
        }
        List<Step> steps = new ArrayList<>();
        Map<String, List<Fact>> checks = new HashMap<>();
        for (int i = 0; i < en.steps().size(); i++) {
            LanguageText.StepText e = en.steps().get(i);
            LanguageText.StepText z = zh.steps().get(i);
            StepSetup setup = setups.get(e.id());
            steps.add(step(files, folder, setupFile, e, z, setup, en.file(), zh.file()));
            checks.put(e.id(), setup == null ? List.of() : setup.checks());
        }
        Lesson lesson = new Lesson(id, order, new Text(en.title(), zh.title()), new Text(en.summary(), zh.summary()), steps);
        return new Loaded(lesson, folder, Map.copyOf(checks));
    }

    private static LessonFile file(LessonFiles files, String folder, String name) {
        String path = folder + "/" + name;
        return new LessonFile(files.describe(path), files.read(path).orElseThrow(() ->
                new LessonFormatException(files.describe(path), 0, "is missing; every lesson folder has "
                        + ENGLISH + ", " + CHINESE + " and " + SETUP)));
    }

    /** Both languages have the same steps, in the same order, with the same watch targets. */
    private static void sameSteps(LanguageText en, LanguageText zh) {
        int common = Math.min(en.steps().size(), zh.steps().size());
        for (int i = 0; i < common; i++) {
            LanguageText.StepText e = en.steps().get(i);
            LanguageText.StepText z = zh.steps().get(i);
            if (!e.id().equals(z.id())) {
                throw zh.file().error(z.line(), "step " + (i + 1) + " is '" + z.id() + "' here but '" + e.id()
                        + "' in " + ENGLISH + "; both languages have the same steps in the same order");
            }
        }
        if (en.steps().size() != zh.steps().size()) {
            LanguageText longer = en.steps().size() > zh.steps().size() ? en : zh;
            LanguageText.StepText extra = longer.steps().get(common);
            throw longer.file().error(extra.line(), "step '" + extra.id() + "' is missing from the other language ("
                    + (longer == en ? CHINESE : ENGLISH) + ")");
        }
    }

    // ---------------------------------------------------------------- one step

    private static Step step(LessonFiles files, String folder, LessonFile setupFile, LanguageText.StepText en,
                             LanguageText.StepText zh, StepSetup setup, LessonFile enFile, LessonFile zhFile) {
        String go = null;
        Example example = null;
        if (setup != null && setup.go() != null) {
            go = source(files, folder, setupFile, setup.lineOf("go"), setup.go());
        }
        if (setup != null) {
            example = example(files, folder, setupFile, setup);
        }
        Predict predict = predict(setupFile, setup, en, zh, enFile, zhFile, example);
        List<Watch> watch = watch(en, zh, zhFile);
        return new Step(en.id(), new Text(en.title(), zh.title()), new Text(en.markdown(), zh.markdown()), go,
                example, predict, watch);
    }

    private static String source(LessonFiles files, String folder, LessonFile setupFile, int line, String name) {
        String path = folder + "/" + name;
        return files.read(path).orElseThrow(() -> setupFile.error(line, "no file " + name + " in " + folder));
    }

    private static Example example(LessonFiles files, String folder, LessonFile setupFile, StepSetup s) {
        boolean runs = s.seed() != null || s.procs() != null || s.mode() != null || s.status() != null
                || s.output() != null || !s.checks().isEmpty();
        if (s.java() == null) {
            if (runs) {
                throw setupFile.error(s.line(), "step '" + s.id() + "' states how a run goes but names no 'java:' example");
            }
            return null;
        }
        for (String key : List.of("seed", "procs", "status", "output")) {
            boolean missing = switch (key) {
                case "seed" -> s.seed() == null;
                case "procs" -> s.procs() == null;
                case "status" -> s.status() == null;
                default -> s.output() == null;
            };
            if (missing) {
                throw setupFile.error(s.lineOf("java"), "step '" + s.id() + "' runs " + s.java() + " but states no '"
                        + key + ":'; an example states seed, procs, status and output");
            }
        }
        String source = source(files, folder, setupFile, s.lineOf("java"), s.java());
        String className = s.java().substring(0, s.java().length() - ".java".length());
        if (!className.matches("[A-Z][A-Za-z0-9]*")) {
            throw setupFile.error(s.lineOf("java"), "an example's file is named after its class, e.g. Workers.java");
        }
        if (PACKAGE.matcher(source).find()) {
            throw setupFile.error(s.lineOf("java"), s.java() + " declares a package; examples are in the default package");
        }
        if (!Pattern.compile("\\bpublic\\s+(final\\s+)?class\\s+" + className + "\\b").matcher(source).find()) {
            throw setupFile.error(s.lineOf("java"), s.java() + " does not declare 'public class " + className + "'");
        }
        return new Example(className, source, s.seed(), s.procs(), s.mode() == null ? RunMode.DETERMINISTIC : s.mode(),
                s.output(), s.status());
    }

    private static Predict predict(LessonFile setupFile, StepSetup s, LanguageText.StepText en,
                                   LanguageText.StepText zh, LessonFile enFile, LessonFile zhFile, Example example) {
        boolean asked = s != null && s.kind() != null;
        for (var pair : List.of(Map.entry(en, enFile), Map.entry(zh, zhFile))) {
            if (pair.getKey().predict() != null && !asked) {
                throw pair.getValue().error(pair.getKey().predict().line(), "step '" + en.id() + "' has a predict "
                        + "block but " + SETUP + " gives no 'predict: choice <answer>' or 'predict: first-line <answer>'");
            }
            if (pair.getKey().predict() == null && asked) {
                throw pair.getValue().error(pair.getKey().line(), "step '" + en.id() + "' asks a question ("
                        + SETUP + " line " + s.lineOf("predict") + ") but has no predict block with its words");
            }
        }
        if (!asked) {
            if (s != null && !s.choices().isEmpty()) {
                throw setupFile.error(s.lineOf("choice"), "'choice:' belongs to a 'predict: first-line' question");
            }
            return null;
        }
        LanguageText.PredictText pe = en.predict();
        LanguageText.PredictText pz = zh.predict();
        List<Text> choices = new ArrayList<>();
        if (s.kind() == Predict.Kind.FIRST_LINE) {
            for (var pair : List.of(Map.entry(pe, enFile), Map.entry(pz, zhFile))) {
                if (!pair.getKey().choices().isEmpty()) {
                    throw pair.getValue().error(pair.getKey().line(), "a first-line question offers output lines: "
                            + "list them as 'choice:' in " + SETUP + ", not here");
                }
            }
            if (example == null) {
                throw setupFile.error(s.lineOf("predict"), "a first-line question needs an example to run ('java:')");
            }
            s.choices().forEach(c -> choices.add(Text.of(c)));
        } else {
            if (!s.choices().isEmpty()) {
                throw setupFile.error(s.lineOf("choice"), "a choice question's choices are words: write them in "
                        + ENGLISH + " and " + CHINESE + ", not here");
            }
            if (pe.choices().size() != pz.choices().size()) {
                throw zhFile.error(pz.line(), "this question offers " + pz.choices().size() + " choices but "
                        + pe.choices().size() + " in " + ENGLISH);
            }
            for (int i = 0; i < pe.choices().size(); i++) {
                choices.add(new Text(pe.choices().get(i), pz.choices().get(i)));
            }
            if (example != null && s.checks().isEmpty()) {
                throw setupFile.error(s.lineOf("predict"), "a choice question on a step that runs an example states "
                        + "at least one 'check: <fact>' of the run that makes its answer right");
            }
        }
        int where = s.lineOf("predict");
        if (choices.size() < 2) {
            throw setupFile.error(where, "a question offers at least two choices, not " + choices.size());
        }
        if (s.answer() >= choices.size()) {
            throw setupFile.error(where, "answer " + s.answer() + " is out of range: the choices are numbered 0 to "
                    + (choices.size() - 1));
        }
        Predict p = new Predict(s.kind(), new Text(pe.question(), pz.question()), choices, s.answer(),
                new Text(pe.explanation(), pz.explanation()));
        if (p.kind() == Predict.Kind.FIRST_LINE) {
            int right = p.rightChoice(example.expectedOutput());
            if (right != s.answer()) {
                throw setupFile.error(where, right < 0 ? "none of the choices is a line of the expected output"
                        : "answer " + s.answer() + " is not the first of the choices in the expected output; "
                        + right + " ('" + choices.get(right).en() + "') is");
            }
        }
        return p;
    }

    private static List<Watch> watch(LanguageText.StepText en, LanguageText.StepText zh, LessonFile zhFile) {
        List<String> keysEn = en.watch().stream().map(LanguageText.WatchText::key).toList();
        List<String> keysZh = zh.watch().stream().map(LanguageText.WatchText::key).toList();
        if (!keysEn.equals(keysZh)) {
            int line = zh.watch().isEmpty() ? zh.line() : zh.watch().getFirst().line();
            throw zhFile.error(line, "step '" + en.id() + "' watches " + keysZh + " here but " + keysEn + " in "
                    + ENGLISH + "; both languages watch the same objects in the same order");
        }
        List<Watch> watch = new ArrayList<>();
        for (int i = 0; i < en.watch().size(); i++) {
            LanguageText.WatchText e = en.watch().get(i);
            watch.add(new Watch(e.target(), e.name(), new Text(e.note(), zh.watch().get(i).note())));
        }
        return watch;
    }
}
