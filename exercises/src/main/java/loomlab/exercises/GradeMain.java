package loomlab.exercises;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import loomlab.exercises.grading.GradingSettings;
import loomlab.lessons.Text;

/**
 * {@code ./loomlab grade <exercise-id> [options]}: grades a solution and prints one line per
 * check, with the message and the hint of each failing one, then the score. Exit status 0 if every
 * check passed, 1 if not (or it did not compile), 2 for a bad command line.
 */
public final class GradeMain {
    static final String USAGE = """
            Usage: ./loomlab grade <exercise-id> [options]
              --file FILE.java     the solution to grade (default: your workspace copy from the
                                   workbench, ~/.loomlab/workspace/exercises/<id>/, else the starter code)
              --lang en|zh         the language of the report (default: the system's)
              --runs DIR           save failing runs under DIR/<exercise-id>/ (default: ~/.loomlab/runs)
              --report FILE        also write the report to FILE, in the grade report format
              --seeds N            deterministic schedules per check (default 100)
              --parallel N         real parallel runs per check (default 3)
              --time-limit SECS    real time each check may take (default 20)
            ~/.loomlab is $LOOMLAB_HOME or -Dloomlab.home if set.
            Exercises: %s
            """;

    private GradeMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, out, err);
        out.flush();
        err.flush();
        // A submission that never returns leaves a thread spinning; ending the JVM ends it.
        System.exit(status);
    }

    /** Grades as the command line says; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("loomlab grade: " + e.getMessage());
            err.print(usage());
            return 2;
        }
        if (o == null) {
            out.print(usage());
            return 0;
        }
        Exercise exercise = ExerciseCatalog.builtIn().exercise(o.exerciseId()).orElse(null);
        if (exercise == null) {
            err.println("loomlab grade: no exercise " + o.exerciseId());
            err.print(usage());
            return 2;
        }
        Path file = o.file() != null ? o.file() : LoomLabHome.workspaceFile(exercise);
        String source;
        String from;
        try {
            if (o.file() != null || Files.isRegularFile(file)) {
                source = Files.readString(file, StandardCharsets.UTF_8);
                from = file.toString();
            } else {
                source = exercise.starter();
                from = Text.isChinese(o.locale()) ? "起始代码" : "the starter code";
            }
        } catch (IOException e) {
            err.println("loomlab grade: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        GradeReport report = Grader.grade(exercise, source, o.locale(), o.runs(), o.settings());
        print(exercise, from, report, o.locale(), out);
        if (o.report() != null) {
            try {
                GradeReportFile.write(report, o.report());
            } catch (IOException e) {
                err.println("loomlab grade: cannot write the report " + o.report() + ": " + e.getMessage());
                return 2;
            }
        }
        return report.passed() ? 0 : 1;
    }

    /** The report as a person reads it in a terminal. */
    static void print(Exercise exercise, String from, GradeReport report, Locale locale, PrintStream out) {
        boolean zh = Text.isChinese(locale);
        out.println((zh ? "评分：" : "Grading ") + exercise.id() + " (" + exercise.title().in(locale) + ")"
                + (zh ? "，代码来自 " : ", code from ") + from);
        if (report.compileError() != null) {
            out.println(zh ? "\n编译失败：" : "\nIt does not compile:");
            out.println(indent(report.compileError().in(locale)));
        }
        for (CheckResult c : report.checks()) {
            out.println();
            out.println((c.passed() ? "✓ " : "✗ ") + c.name().in(locale));
            if (c.passed()) {
                continue;
            }
            out.println(indent(c.message().in(locale)));
            if (!c.hint().in(locale).isBlank()) {
                out.println(indent((zh ? "提示：" : "Hint: ") + c.hint().in(locale)));
            }
            if (c.failingRun() != null) {
                out.println(indent((zh ? "这次运行已保存：" : "The failing run is saved: ") + c.failingRun()));
                out.println(indent((zh ? "查看：" : "See it with: ") + "./loomlab trace print " + c.failingRun()));
            }
        }
        long passed = report.checks().stream().filter(CheckResult::passed).count();
        out.println();
        out.printf(Locale.ROOT, zh ? "得分：%d%%（%d 项检查通过了 %d 项）%n" : "Score: %d%% (%3$d of %2$d checks passed)%n",
                Math.round(report.score() * 100), report.checks().size(), passed);
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String usage() {
        String ids;
        try {
            ids = String.join(", ", ExerciseCatalog.builtIn().exercises().stream().map(Exercise::id).toList());
        } catch (IllegalStateException e) {
            ids = "(the exercise files are broken: " + e.getMessage() + ")";
        }
        return USAGE.formatted(ids);
    }

    /** The command line, parsed. */
    record Options(String exerciseId, Path file, Locale locale, Path runs, Path report, GradingSettings settings) {
        /** The options, or null if help was asked for; a bad command line throws IllegalArgumentException. */
        static Options parse(String[] args) {
            String id = null;
            Path file = null;
            Locale locale = Text.isChinese(Locale.getDefault()) ? Locale.CHINESE : Locale.ENGLISH;
            Path runs = LoomLabHome.runs();
            Path report = null;
            GradingSettings settings = GradingSettings.DEFAULT;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "--file" -> file = Path.of(value(args, ++i, a));
                    case "--lang" -> locale = switch (value(args, ++i, a)) {
                        case "en" -> Locale.ENGLISH;
                        case "zh" -> Locale.CHINESE;
                        default -> throw new IllegalArgumentException("--lang is en or zh, not " + args[i]);
                    };
                    case "--runs" -> runs = Path.of(value(args, ++i, a));
                    case "--report" -> report = Path.of(value(args, ++i, a));
                    case "--seeds" -> settings = settings.withSeeds(number(args, ++i, a, 1));
                    case "--parallel" -> settings = settings.withParallelRuns(number(args, ++i, a, 0));
                    case "--time-limit" -> settings = settings.withTimeLimit(Duration.ofSeconds(number(args, ++i, a, 1)));
                    default -> {
                        if (a.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        if (id != null) {
                            throw new IllegalArgumentException("one exercise at a time (" + id + " and " + a + ")");
                        }
                        id = a;
                    }
                }
            }
            if (id == null) {
                throw new IllegalArgumentException("which exercise?");
            }
            return new Options(id, file, locale, runs, report, settings);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int number(String[] args, int i, String option, int min) {
            String v = value(args, i, option);
            try {
                int n = Integer.parseInt(v);
                if (n < min) {
                    throw new IllegalArgumentException(option + " must be at least " + min + ", not " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a whole number, not " + v);
            }
        }
    }
}
