package loomlab.engine.runner;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import loomlab.engine.ClockMode;
import loomlab.engine.RunMode;
import loomlab.engine.SchedulePolicy;
import loomlab.engine.events.Trace;

/**
 * The settings of {@code loomlab run}: options first, then the program and its arguments.
 *
 * @param mode    real (the default) or deterministic
 * @param seed    the seed of a deterministic run (default 1)
 * @param procs   GOMAXPROCS (default: the number of CPUs)
 * @param clock   real or virtual; a deterministic run is always virtual
 * @param policy  how a deterministic run picks the next goroutine
 * @param trace   a file to write the run to, or null
 * @param events  the child protocol: framed events on stdout, control commands on stdin
 * @param paused  with {@code events}: a deterministic run starts paused, waiting for {@code step}
 * @param target  the program: a {@code .java} file, a class name or an example id
 * @param args    the program's own arguments
 */
record RunOptions(RunMode mode, long seed, int procs, ClockMode clock, SchedulePolicy policy, Path trace,
                  boolean events, boolean paused, String target, List<String> args) {

    static final String USAGE = """
            usage: loomlab run [options] <File.java | class name | example id> [args...]
              --mode real|deterministic   real: parallel on GOMAXPROCS carriers (default);
                                          deterministic: one goroutine at a time, seeded, virtual clock
              --seed N                    the seed of a deterministic run (default 1)
              --procs N                   GOMAXPROCS of a real-mode run, 1 to 256 (default: the CPUs)
              --clock real|virtual        the clock of a real-mode run (default real)
              --policy random|pct         how a deterministic run picks the next goroutine (default random)
              --trace FILE                also write the run's events to FILE (see loomlab trace)
              --events                    the child protocol: events on stdout, commands on stdin
              --paused                    with --events --mode deterministic: start paused""";

    /** A command line that is not one; its message says what is wrong. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    static RunOptions parse(String... argv) throws UsageError {
        RunMode mode = RunMode.REAL;
        long seed = 1;
        int procs = java.lang.Runtime.getRuntime().availableProcessors();
        ClockMode clock = null;
        SchedulePolicy policy = SchedulePolicy.RANDOM;
        Path trace = null;
        boolean events = false;
        boolean paused = false;
        int i = 0;
        for (; i < argv.length && argv[i].startsWith("-"); i++) {
            String option = argv[i];
            switch (option) {
                case "--events" -> events = true;
                case "--paused" -> paused = true;
                case "--mode" -> mode = choice(option, value(argv, ++i, option), RunMode.class);
                case "--clock" -> clock = choice(option, value(argv, ++i, option), ClockMode.class);
                case "--policy" -> policy = choice(option, value(argv, ++i, option), SchedulePolicy.class);
                case "--seed" -> seed = seed(value(argv, ++i, option));
                case "--procs" -> procs = procs(value(argv, ++i, option));
                case "--trace" -> trace = Path.of(value(argv, ++i, option));
                default -> throw new UsageError("unknown option " + option);
            }
        }
        if (i == argv.length) {
            throw new UsageError("no program given");
        }
        if (mode == RunMode.DETERMINISTIC && clock == ClockMode.REAL) {
            throw new UsageError("--clock real does not go with --mode deterministic: a deterministic run's clock is virtual");
        }
        if (paused && !(events && mode == RunMode.DETERMINISTIC)) {
            throw new UsageError("--paused needs --events and --mode deterministic");
        }
        if (mode == RunMode.DETERMINISTIC) {
            clock = ClockMode.VIRTUAL;
        }
        return new RunOptions(mode, seed, procs, clock == null ? ClockMode.REAL : clock, policy, trace, events,
                paused, argv[i], List.of(Arrays.copyOfRange(argv, i + 1, argv.length)));
    }

    /** What a trace of this run says it was, in {@link Trace}'s keys. */
    Map<String, String> metadata(String program) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Trace.PROGRAM, program);
        m.put(Trace.MODE, lower(mode));
        m.put(Trace.SEED, Long.toString(seed));
        m.put(Trace.PROCS, Integer.toString(procs));
        m.put(Trace.CLOCK, lower(clock));
        if (mode == RunMode.DETERMINISTIC) {
            m.put("policy", lower(policy));
        }
        return m;
    }

    private static String value(String[] argv, int i, String option) throws UsageError {
        if (i >= argv.length) {
            throw new UsageError(option + " needs a value");
        }
        return argv[i];
    }

    private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) throws UsageError {
        for (E e : type.getEnumConstants()) {
            if (lower(e).equals(value)) {
                return e;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(RunOptions::lower).toList();
        throw new UsageError(option + " must be " + String.join(" or ", names) + ", not '" + value + "'");
    }

    private static long seed(String value) throws UsageError {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageError("--seed must be a whole number, not '" + value + "'");
        }
    }

    private static int procs(String value) throws UsageError {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 256) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError("--procs must be a number from 1 to 256, not '" + value + "'");
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
