package loomlab.exercises.grading;

import java.time.Duration;
import java.util.List;
import loomlab.engine.GoroutineInfo;
import loomlab.engine.Outcome;
import loomlab.engine.RunResult;
import loomlab.lessons.Text;

/**
 * What a run's ending means for the learner: a property violated, a panic, a deadlock, goroutines
 * left behind, or no ending at all. Go's own report (the panic and the goroutine dump) is quoted
 * as it is, in both languages: it is what {@code go run} would print.
 */
final class Outcomes {
    /** At most this many frames of each leaked goroutine are listed. */
    private static final int FRAMES_SHOWN = 4;

    private Outcomes() {
    }

    /** Why the run failed, or null if it passed. */
    static Text failure(RunResult r, Run run, boolean leftoversAllowed) {
        if (run.violation() != null) {
            return run.violation().text();
        }
        return switch (r.outcome()) {
            case Outcome.Panicked p when p.throwable() instanceof Violation v -> v.text();
            case Outcome.Panicked p -> panicked(p, r.report());
            case Outcome.Fatal f -> quoted(Phrase.of("The program stopped with a fatal error.",
                    "程序因致命错误（fatal error）而终止。"), r.report());
            case Outcome.Deadlocked d -> quoted(Phrase.of(
                    "Deadlock: every goroutine was blocked and nothing could ever wake any of them. "
                            + "Go's dump shows what each one waited for:",
                    "死锁：所有 goroutine 都阻塞了，再也没有谁能唤醒它们。下面 Go 的转储显示了每个 goroutine 在等什么："),
                    r.report());
            case Outcome.Exited e -> leftoversAllowed || r.leaks().isEmpty() ? null : leaked(r.leaks());
        };
    }

    static Text timedOut(Duration limit) {
        return Phrase.of("The check did not finish within %d seconds of real time. Some goroutine keeps running "
                        + "without ever waiting on a channel, a lock or a timer: look for a loop that never ends, "
                        + "or one that spins instead of blocking.",
                "这项检查在 %d 秒（真实时间）内没有结束。某个 goroutine 一直在运行，从不在 channel、锁或定时器上等待："
                        + "找一找永不结束的循环，或者用空转代替阻塞等待的循环。",
                Math.max(1, limit.toSeconds()));
    }

    private static Text panicked(Outcome.Panicked p, String report) {
        String value = String.valueOf(p.value() instanceof Throwable t && t.getMessage() != null ? t.getMessage() : p.value());
        Text head = Phrase.of("Goroutine %d panicked.", "goroutine %d 发生了 panic。", p.goroutine());
        if (value.contains("close of closed channel")) {
            head = Phrase.lines(head, Phrase.of(
                    "A channel was closed twice. Only one goroutine may close a channel, once, after the last send on it.",
                    "同一个 channel 被关闭了两次。只能由一个 goroutine 在最后一次发送之后关闭 channel，而且只关闭一次。"));
        } else if (value.contains("send on closed channel")) {
            head = Phrase.lines(head, Phrase.of(
                    "A value was sent on a channel that was already closed. Close a channel only after every send on it has finished.",
                    "向一个已经关闭的 channel 发送了值。只有在所有发送都结束之后，才能关闭 channel。"));
        } else if (value.contains("close of nil channel")) {
            head = Phrase.lines(head, Phrase.of("A nil channel was closed: make the channel with Chan.make first.",
                    "关闭了一个 nil channel：先用 Chan.make 创建 channel。"));
        }
        return quoted(head, report);
    }

    private static Text leaked(List<GoroutineInfo> leaks) {
        StringBuilder dump = new StringBuilder();
        for (GoroutineInfo g : leaks) {
            String header = g.header();
            if (g.name() != null) {
                header = header.substring(0, header.length() - 1) + " (" + g.name() + "):";
            }
            dump.append('\n').append(header).append('\n');
            g.stack().stream().limit(FRAMES_SHOWN).forEach(f -> dump.append('\t').append(f.getClassName()).append('.')
                    .append(f.getMethodName()).append('(').append(f.getFileName()).append(':')
                    .append(f.getLineNumber()).append(")\n"));
        }
        Text head = Phrase.of("When the check ended, %d goroutine(s) were still alive, waiting for something that "
                        + "will never happen. In Go they would leak: they stay in memory until the program exits.",
                "检查结束时仍有 %d 个 goroutine 活着，在等待一件永远不会发生的事。在 Go 里它们就泄漏了：会一直占着内存，直到程序退出。",
                leaks.size());
        return quoted(head, dump.toString().stripTrailing());
    }

    private static Text quoted(Text head, String report) {
        String body = report.strip();
        if (body.isEmpty()) {
            return head;
        }
        return new Text(head.en() + "\n\n" + body, head.zh() + "\n\n" + body);
    }
}
