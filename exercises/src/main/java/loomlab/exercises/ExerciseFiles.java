package loomlab.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import loomlab.lessons.Text;

/**
 * Reads the built-in exercises from this module's resources, in the format of
 * {@code exercises/README.md}: {@value #ROOT}{@value #INDEX} names one directory per line, and each
 * directory holds {@code exercise.properties}, the statement and hints in both languages, and
 * {@code starter/} and {@code reference/} Java files. A malformed exercise fails loading with a
 * message that names the file.
 */
final class ExerciseFiles {
    static final String ROOT = "/loomlab/exercises/";
    static final String INDEX = "index.txt";
    /** A line of three or more dashes alone separates one hint from the next. */
    private static final Pattern HINT_SEPARATOR = Pattern.compile("(?m)^-{3,}\\s*$");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9_]*");

    /** One exercise as read: the record the app uses, and the texts of its checks. */
    record Loaded(Exercise exercise, List<CheckText> checks) {
    }

    private static volatile List<Loaded> builtIn;

    private ExerciseFiles() {
    }

    static List<Loaded> builtIn() {
        List<Loaded> all = builtIn;
        if (all == null) {
            all = load();
            builtIn = all;
        }
        return all;
    }

    /** The texts of the checks of built-in exercise {@code id}; empty if there is no such exercise. */
    static List<CheckText> checks(String id) {
        return builtIn().stream().filter(l -> l.exercise().id().equals(id)).findFirst()
                .map(Loaded::checks).orElse(List.of());
    }

    private static List<Loaded> load() {
        List<Loaded> all = new ArrayList<>();
        for (String line : read(INDEX).split("\n")) {
            String dir = line.strip();
            if (!dir.isEmpty() && !dir.startsWith("#")) {
                all.add(loadOne(dir));
            }
        }
        all.sort(Comparator.comparingInt(l -> l.exercise().order()));
        return List.copyOf(all);
    }

    private static Loaded loadOne(String dir) {
        String file = dir + "/exercise.properties";
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(open(file), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw malformed(file, e.getMessage());
        }
        String id = required(p, file, "id");
        if (!ID.matcher(id).matches()) {
            throw malformed(file, "id \"" + id + "\" is not kebab-case");
        }
        int order;
        try {
            order = Integer.parseInt(required(p, file, "order"));
        } catch (NumberFormatException e) {
            throw malformed(file, "order is not a whole number");
        }
        String className = required(p, file, "className");
        if (!CLASS_NAME.matcher(className).matches()) {
            throw malformed(file, "className \"" + className + "\" is not a simple Java class name");
        }
        String lesson = p.getProperty("lesson", "").strip();
        Text title = new Text(required(p, file, "title.en"), required(p, file, "title.zh"));
        Text statement = new Text(read(dir + "/statement.en.md"), read(dir + "/statement.zh.md"));
        List<Text> hints = hints(dir);
        List<CheckText> checks = new ArrayList<>();
        for (String check : required(p, file, "checks").split(",")) {
            String c = check.strip();
            checks.add(new CheckText(c,
                    new Text(required(p, file, "check." + c + ".en"), required(p, file, "check." + c + ".zh")),
                    new Text(required(p, file, "hint." + c + ".en"), required(p, file, "hint." + c + ".zh"))));
        }
        Exercise e = new Exercise(id, order, title, statement, lesson.isEmpty() ? null : lesson, className,
                read(dir + "/starter/" + className + ".java"), read(dir + "/reference/" + className + ".java"),
                hints, required(p, file, "gradingTests"));
        return new Loaded(e, List.copyOf(checks));
    }

    private static List<Text> hints(String dir) {
        String[] en = HINT_SEPARATOR.split(read(dir + "/hints.en.md"));
        String[] zh = HINT_SEPARATOR.split(read(dir + "/hints.zh.md"));
        if (en.length != zh.length) {
            throw malformed(dir + "/hints.zh.md", "has " + zh.length + " hints, hints.en.md has " + en.length);
        }
        List<Text> hints = new ArrayList<>();
        for (int i = 0; i < en.length; i++) {
            hints.add(new Text(en[i].strip(), zh[i].strip()));
        }
        return hints;
    }

    private static String required(Properties p, String file, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw malformed(file, "has no " + key);
        }
        return v.strip();
    }

    private static String read(String file) {
        try (InputStream in = open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw malformed(file, e.getMessage());
        }
    }

    private static InputStream open(String file) {
        InputStream in = ExerciseFiles.class.getResourceAsStream(ROOT + file);
        if (in == null) {
            throw malformed(file, "is missing");
        }
        return in;
    }

    private static IllegalStateException malformed(String file, String why) {
        return new IllegalStateException("exercise file " + ROOT.substring(1) + file + " " + why);
    }
}
