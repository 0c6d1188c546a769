package loomlab.engine.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import loomlab.engine.events.PerfettoExport;
import loomlab.engine.events.Trace;
import loomlab.engine.events.TraceReader;
import loomlab.engine.events.Traced;

/**
 * {@code ./loomlab trace}: what can be done with a run written by {@code loomlab run --trace}.
 * <pre>
 * trace export [--axis clock|sequence] &lt;run-file&gt; &lt;out.json&gt;   Chrome / Perfetto trace-event JSON
 * trace print &lt;run-file&gt;                                       the metadata, then one line per event
 * </pre>
 * The export's time axis is, unless {@code --axis} says otherwise, the sequence number for a run on
 * the virtual clock (whose events mostly share one instant) and the clock otherwise.
 * Exit status: 0, 1 when a file cannot be read or written, 2 for a bad command line.
 */
public final class TraceMain {
    static final String USAGE = """
            usage: loomlab trace export [--axis clock|sequence] <run-file> <out.json>
                   loomlab trace print <run-file>""";

    private TraceMain() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs the command line; returns the exit status instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        try {
            if (args.length >= 1 && args[0].equals("export")) {
                return export(args, out, err);
            }
            if (args.length == 2 && args[0].equals("print")) {
                print(TraceReader.read(Path.of(args[1])), out);
                return 0;
            }
        } catch (IOException e) {
            err.println("loomlab trace: " + e.getMessage());
            return 1;
        }
        err.println(args.length == 0 ? USAGE : "loomlab trace: unknown command line: " + String.join(" ", args)
                + "\n" + USAGE);
        return 2;
    }

    private static int export(String[] args, PrintStream out, PrintStream err) throws IOException {
        PerfettoExport.TimeAxis axis = null;
        int i = 1;
        if (args.length > 2 && args[1].equals("--axis")) {
            axis = switch (args[2]) {
                case "clock" -> PerfettoExport.TimeAxis.CLOCK;
                case "sequence" -> PerfettoExport.TimeAxis.SEQUENCE;
                default -> null;
            };
            if (axis == null) {
                err.println("loomlab trace: --axis must be clock or sequence, not '" + args[2] + "'");
                return 2;
            }
            i = 3;
        }
        if (args.length != i + 2) {
            err.println("loomlab trace: export needs a run file and an output file\n" + USAGE);
            return 2;
        }
        Path in = Path.of(args[i]);
        Path json = Path.of(args[i + 1]);
        Trace trace;
        try {
            trace = TraceReader.read(in);
        } catch (IOException e) {
            throw new IOException(in + ": " + e.getMessage(), e);
        }
        if (axis == null) {
            axis = "virtual".equals(trace.metadata().get(Trace.CLOCK))
                    ? PerfettoExport.TimeAxis.SEQUENCE : PerfettoExport.TimeAxis.CLOCK;
        }
        PerfettoExport.write(trace, axis, json);
        out.printf("exported the run's %d events to %s (open it in ui.perfetto.dev)%n", trace.events().size(), json);
        return 0;
    }

    /** The metadata as {@code key: value} lines, a blank line, then {@link #line} for each event. */
    static void print(Trace trace, PrintStream out) {
        for (Map.Entry<String, String> e : trace.metadata().entrySet()) {
            out.println(e.getKey() + ": " + e.getValue());
        }
        out.println();
        for (Traced t : trace.events()) {
            out.println(line(t));
        }
    }

    /** One event: {@code seq  seconds  G P M  Kind[fields]  line}, P and M as "-" where none. */
    static String line(Traced t) {
        return String.format(Locale.ROOT, "%6d %12.6fs  G%-3d P%-2s M%-2s %s%s", t.seq(), t.nanos() / 1e9, t.g(),
                t.p() < 0 ? "-" : Integer.toString(t.p()), t.m() < 0 ? "-" : Integer.toString(t.m()), t.event(),
                t.line() == null ? "" : "  " + t.line());
    }
}
