package loomlab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Workload (d): a million goroutines blocked receiving on one shared unbuffered channel, then
 * released by sends and by close (see {@link BlockedRound}). It times one-off phases and samples
 * memory, which JMH cannot do, so it is a plain program:
 * <pre>
 * ./loomlab bench --blocked                      every cell, each in a fresh JVM, then a table
 * ./loomlab bench --blocked --peer jox --release close [--goroutines 1000000] [--warmups 2]
 * ./loomlab bench --blocked --peer loomlab-jdk        both releases of one peer
 * </pre>
 * Each cell first runs {@code warmups} rounds of a tenth as many goroutines: in a cold JVM, waking
 * a million parked virtual threads takes about ten times longer (the anchor kit's finding 5).
 * The cells: {@code loomlab} (the engine on its own G-M-P scheduler), {@code loomlab-jdk} (the engine
 * on the JDK's scheduler, {@code Runtime.Builder.jdkScheduler()}) and {@code jox} released by
 * {@code send} and by {@code close}; {@code jdk}
 * (a {@code SynchronousQueue}) by {@code send} only. Jox's close recurses once per segment of
 * waiters and overflows the default stack with a million of them; that cell reports the
 * {@link StackOverflowError} instead of figures.
 */
public final class BlockedMillion {
    private static final String RESULT = "RESULT ";
    private static final List<String[]> CELLS = List.of(
            new String[] {"loomlab", "send"}, new String[] {"loomlab", "close"},
            new String[] {"loomlab-jdk", "send"}, new String[] {"loomlab-jdk", "close"},
            new String[] {"jox", "send"}, new String[] {"jox", "close"},
            new String[] {"jdk", "send"});

    private BlockedMillion() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int goroutines = Integer.parseInt(options.getOrDefault("goroutines", "1000000"));
        int warmups = Integer.parseInt(options.getOrDefault("warmups", "2"));
        String peer = options.get("peer");
        String release = options.get("release");
        if (peer != null && release != null) {
            System.out.println(RESULT + runCell(peer, release, goroutines, warmups));
            System.exit(0); // a failed cell may leave parked threads behind
        }
        List<Map<String, String>> results = new ArrayList<>();
        for (String[] cell : CELLS) {
            if ((peer == null || peer.equals(cell[0])) && (release == null || release.equals(cell[1]))) {
                results.add(runChild(cell[0], cell[1], goroutines, warmups));
            }
        }
        printTable(results, goroutines);
    }

    // ---------------------------------------------------------------- one cell, in this JVM

    private static String runCell(String peer, String release, int goroutines, int warmups) throws InterruptedException {
        String cell = "peer=" + peer + " release=" + release + " goroutines=" + goroutines;
        BlockedRound.Release how = BlockedRound.Release.valueOf(release.toUpperCase(Locale.ROOT));
        try {
            BlockedRound last = null;
            for (int r = 0; r <= warmups; r++) {
                int n = r < warmups ? Math.max(1, goroutines / 10) : goroutines;
                last = round(peer, how, n);
                System.out.printf(Locale.ROOT, "%s round %d (n=%d): spawn %.0f ms, release %.0f ms%n",
                        r < warmups ? "warm-up" : "measured", r + 1, n, last.spawnMs(), last.releaseMs());
                ProcessMemory.heapUsedAfterGc();
            }
            return String.format(Locale.ROOT,
                    "%s spawn_ms=%.1f release_ms=%.1f heap_bytes_per_goroutine=%.0f rss_bytes_per_goroutine=%.0f peak_rss_mib=%d",
                    cell, last.spawnMs(), last.releaseMs(), (double) last.heapDelta() / goroutines,
                    (double) last.rssDelta() / goroutines, ProcessMemory.peakResidentBytes() >> 20);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof StackOverflowError) {
                return cell + " failure=StackOverflowError";
            }
            throw e;
        }
    }

    private static BlockedRound round(String peer, BlockedRound.Release release, int n) throws InterruptedException {
        return switch (peer) {
            case "loomlab" -> BlockedRound.loomlab(n, release, false);
            case "loomlab-jdk" -> BlockedRound.loomlab(n, release, true);
            case "jox" -> BlockedRound.jox(n, release);
            case "jdk" -> {
                if (release != BlockedRound.Release.SEND) {
                    throw new IllegalArgumentException("a SynchronousQueue cannot be closed: use --release send");
                }
                yield BlockedRound.jdk(n);
            }
            default -> throw new IllegalArgumentException("unknown peer " + peer + " (loomlab, loomlab-jdk, jox or jdk)");
        };
    }

    // ---------------------------------------------------------------- every cell, one child JVM each

    /** Runs one cell in a fresh JVM with this JVM's options, echoes its output, and parses its result. */
    private static Map<String, String> runChild(String peer, String release, int goroutines, int warmups)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BlockedMillion.class.getName(),
                "--peer", peer, "--release", release,
                "--goroutines", Integer.toString(goroutines), "--warmups", Integer.toString(warmups)));
        System.out.printf("# %s, release by %s%n", peer, release);
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, String> result = new LinkedHashMap<>(Map.of("peer", peer, "release", release,
                "failure", "no result"));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println("  " + line);
                if (line.startsWith(RESULT)) {
                    result.remove("failure");
                    for (String field : line.substring(RESULT.length()).split(" ")) {
                        int eq = field.indexOf('=');
                        result.put(field.substring(0, eq), field.substring(eq + 1));
                    }
                }
            }
        }
        int status = child.waitFor();
        if (status != 0) {
            result.put("failure", "exit status " + status);
        }
        return result;
    }

    private static void printTable(List<Map<String, String>> results, int goroutines) {
        System.out.printf("%n%,d goroutines blocked on one unbuffered channel%n%n", goroutines);
        System.out.println("| peer | release by | spawn until all ready (ms) | release until all done (ms) | total (ms)"
                + " | live heap per blocked (B) | RSS delta per blocked (B) | peak RSS (MiB) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Map<String, String> r : results) {
            if (r.containsKey("failure")) {
                System.out.printf("| %s | %s | %s | | | | | |%n", r.get("peer"), r.get("release"), r.get("failure"));
                continue;
            }
            double spawn = Double.parseDouble(r.get("spawn_ms"));
            double release = Double.parseDouble(r.get("release_ms"));
            System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %,.0f | %s | %s | %s |%n", r.get("peer"),
                    r.get("release"), spawn, release, spawn + release, r.get("heap_bytes_per_goroutine"),
                    r.get("rss_bytes_per_goroutine"), r.get("peak_rss_mib"));
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: BlockedMillion [--peer loomlab|loomlab-jdk|jox|jdk] [--release send|close]"
                        + " [--goroutines N] [--warmups W]");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
