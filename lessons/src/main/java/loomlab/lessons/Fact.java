package loomlab.lessons;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import loomlab.engine.RunResult;
import loomlab.engine.events.Event;
import loomlab.engine.events.Traced;

/**
 * A fact of an example's deterministic run, written as {@code check: <fact>} in {@code lesson.txt}.
 * A CHOICE question states the facts that make its answer right, so that a test can hold the
 * author to it; a wrong answer key fails the build instead of misleading a learner.
 *
 * <p>Goroutines are named as in {@code go(name, …)} ({@code main} is the main goroutine), contexts
 * as in {@code Context.withCancel(name, parent)}, wait reasons as Go prints them ({@code chan send}).
 */
sealed interface Fact {
    /** {@code prints <line>}: the output has this line. */
    record Prints(String line) implements Fact {
    }

    /** {@code never-prints <line>}: the output does not have it. */
    record NeverPrints(String line) implements Fact {
    }

    /** {@code leaks <n>}: exactly n goroutines were still alive when {@code main} returned. */
    record Leaks(int count) implements Fact {
    }

    /** {@code blocks <goroutine> <reason>}: the goroutine parked at least once for this reason. */
    record Blocks(String goroutine, String reason) implements Fact {
    }

    /** {@code never-blocks <goroutine> <reason>}: it never did. */
    record NeverBlocks(String goroutine, String reason) implements Fact {
    }

    /** {@code canceled <context> <err>}: the named context was canceled with this error. */
    record Canceled(String context, String err) implements Fact {
    }

    /** {@code never-canceled <context>}: the named context was made and never canceled. */
    record NeverCanceled(String context) implements Fact {
    }

    static Fact parse(LessonFile file, int line, String text) {
        String[] w = text.split(" ", 2);
        String rest = w.length > 1 ? w[1].strip() : "";
        String[] nameAndText = rest.split(" ", 2);
        boolean pair = nameAndText.length == 2 && !nameAndText[1].isBlank();
        return switch (w[0]) {
            case "prints" -> new Prints(need(file, line, rest, "prints <line>"));
            case "never-prints" -> new NeverPrints(need(file, line, rest, "never-prints <line>"));
            case "leaks" -> {
                try {
                    yield new Leaks(Integer.parseInt(rest));
                } catch (NumberFormatException e) {
                    throw file.error(line, "expected 'leaks <number>', not '" + text + "'");
                }
            }
            case "never-canceled" -> new NeverCanceled(need(file, line, rest, "never-canceled <context>"));
            case "blocks", "never-blocks", "canceled" -> {
                if (!pair) {
                    throw file.error(line, "expected '" + w[0] + " <name> <"
                            + (w[0].equals("canceled") ? "error" : "wait reason") + ">', not '" + text + "'");
                }
                String name = nameAndText[0];
                String what = nameAndText[1].strip();
                yield switch (w[0]) {
                    case "blocks" -> new Blocks(name, what);
                    case "never-blocks" -> new NeverBlocks(name, what);
                    default -> new Canceled(name, what);
                };
            }
            default -> throw file.error(line, "unknown fact '" + w[0] + "'; one of: prints, never-prints, leaks, "
                    + "blocks, never-blocks, canceled, never-canceled");
        };
    }

    private static String need(LessonFile file, int line, String value, String form) {
        if (value.isEmpty()) {
            throw file.error(line, "expected '" + form + "'");
        }
        return value;
    }

    /** Why this fact does not hold in a run; null if it does. */
    default String failure(List<String> output, RunResult result, List<Traced> events) {
        return switch (this) {
            case Prints(String line) -> output.contains(line) ? null : "the output has no line '" + line + "'";
            case NeverPrints(String line) -> output.contains(line) ? "the output has the line '" + line + "'" : null;
            case Leaks(int count) -> result.leaks().size() == count ? null
                    : result.leaks().size() + " goroutines leaked, not " + count;
            case Blocks(String g, String reason) -> blocked(g, reason, events) ? null
                    : "goroutine " + g + " never blocked on " + reason;
            case NeverBlocks(String g, String reason) -> blocked(g, reason, events)
                    ? "goroutine " + g + " blocked on " + reason : null;
            case Canceled(String ctx, String err) -> canceled(ctx, err, events) ? null
                    : "context " + ctx + " was not canceled with '" + err + "'";
            case NeverCanceled(String ctx) -> events.stream().noneMatch(t -> t.event() instanceof Event.CtxCreate c
                    && ctx.equals(c.label())) ? "no context is named " + ctx
                    : canceled(ctx, null, events) ? "context " + ctx + " was canceled" : null;
        };
    }

    private static boolean blocked(String goroutine, String reason, List<Traced> events) {
        Set<Long> ids = new HashSet<>();
        for (Traced t : events) {
            switch (t.event()) {
                case Event.GoCreate c when goroutine.equals(c.name()) -> ids.add(c.g());
                case Event.GoBlock b when ids.contains(b.g()) && b.reason().equals(reason) -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** Whether the context labelled {@code context} was canceled with {@code err} (any error if null). */
    private static boolean canceled(String context, String err, List<Traced> events) {
        Set<Long> ids = new HashSet<>();
        for (Traced t : events) {
            switch (t.event()) {
                case Event.CtxCreate c when context.equals(c.label()) -> ids.add(c.ctx());
                case Event.CtxCancel c when ids.contains(c.ctx()) && (err == null || err.equals(c.err())) -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }
}
