package loomlab.exercises.checks;

import static loomlab.engine.Go.go;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import loomlab.engine.Time;
import loomlab.engine.WaitGroup;
import loomlab.exercises.api.AsyncLogger;
import loomlab.exercises.grading.Gauge;
import loomlab.exercises.grading.Grading;
import loomlab.exercises.grading.GradingExtension;
import loomlab.exercises.grading.Phrase;
import loomlab.exercises.grading.Tally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades {@code async-logger}. Every logger gets a queue of 2 records and a slow disk: a writer
 * that takes 50 ms of virtual time per record and notes what it writes, when, and how many
 * writes are going on at once. Callers log a burst at time 0, far faster than the disk, so the
 * queue is full most of the time. Only the checks about closing call {@code close}; the others
 * give the writer a minute of virtual time to catch up, then look at what it wrote.
 */
@ExtendWith(GradingExtension.class)
public class AsyncLoggerChecks {
    private static final int CAPACITY = 2;
    private static final Duration WRITE = Duration.ofMillis(50);
    /** Long enough for the writer to write everything the scenarios log. */
    private static final Duration CATCH_UP = Duration.ofMinutes(1);
    private static final int CALLERS = 3;

    /** The slow writer handed to {@code start}. Thread-safe: a wrong solution may write from many goroutines. */
    private static final class Disk implements Consumer<String> {
        final Instant start = Time.now();
        /** Every record, in the order its write began. */
        final List<String> begun = Collections.synchronizedList(new ArrayList<>());
        /** Every record, in the order its write ended. */
        final List<String> ended = Collections.synchronizedList(new ArrayList<>());
        final Gauge writing = new Gauge();
        final AtomicInteger finished = new AtomicInteger();
        volatile Duration lastEnd = Duration.ZERO;

        @Override
        public void accept(String record) {
            begun.add(record);
            writing.enter();
            Time.sleep(WRITE);
            writing.exit();
            ended.add(record);
            lastEnd = Time.since(start);
            finished.incrementAndGet();
        }

        List<String> begun(String prefix) {
            synchronized (begun) {
                return begun.stream().filter(r -> r.startsWith(prefix)).toList();
            }
        }
    }

    private static AsyncLogger open(Grading grading, Disk disk) {
        AsyncLogger log = grading.create(AsyncLogger.class);
        log.start(CAPACITY, disk);
        return log;
    }

    /** Runs {@code body(caller)} in {@link #CALLERS} goroutines at once and waits for them. */
    private static void callers(IntConsumer body) {
        WaitGroup wg = new WaitGroup();
        for (int c = 1; c <= CALLERS; c++) {
            int caller = c;
            wg.add(1);
            go("caller-" + c, () -> {
                body.accept(caller);
                wg.done();
            });
        }
        wg.await();
    }

    /** What caller {@code c} logs in the scenarios about audits and order: debug and audit records in turn. */
    private static List<String> mixed(int c) {
        List<String> records = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            records.add("debug " + c + "." + i);
            records.add("audit " + c + "." + i);
            records.add("debug " + c + "." + i + "b");
        }
        return records;
    }

    private static void log(AsyncLogger log, String record) {
        if (record.startsWith("audit")) {
            log.audit(record);
        } else {
            log.debug(record);
        }
    }

    @Test
    void debugNeverWaits(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Disk disk = new Disk();
            AsyncLogger log = open(grading, disk);
            callers(c -> {
                for (int i = 1; i <= 10; i++) {
                    Instant before = Time.now();
                    log.debug("debug " + c + "." + i);
                    Duration took = Time.since(before);
                    run.expect(took.isZero(), Phrase.of(
                            "Caller %d's debug call number %d took %s. Three callers log 10 debug lines each into a "
                                    + "queue of %d while every write takes %s: the queue is full, and then debug must drop "
                                    + "the line and return at once, not wait for room or for the write.",
                            "调用方 %d 的第 %d 次 debug 调用花了 %s。三个调用方各写 10 条调试日志，队列只有 %d 个位置，"
                                    + "每次写入要 %s：队列满了，这时 debug 必须丢弃这一行并立即返回，而不是等待空位或者等待写入。",
                            c, i, Time.format(took), CAPACITY, Time.format(WRITE)));
                }
            });
        });
    }

    @Test
    void auditRecordsAreNeverDropped(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Disk disk = new Disk();
            AsyncLogger log = open(grading, disk);
            callers(c -> mixed(c).forEach(r -> log(log, r)));
            Time.sleep(CATCH_UP);
            List<String> audits = new ArrayList<>();
            for (int c = 1; c <= CALLERS; c++) {
                mixed(c).stream().filter(r -> r.startsWith("audit")).forEach(audits::add);
            }
            Tally<String> written = new Tally<>();
            disk.begun("audit").forEach(written::add);
            Map<String, Integer> wrong = written.notExactlyOnce(audits);
            run.expect(wrong.isEmpty(), Phrase.lines(Phrase.of(
                    "Three callers logged %d audit records between debug lines, into a full queue most of the time. "
                            + "Every audit record must be written exactly once, but:",
                    "三个调用方在调试日志之间一共写了 %d 条审计记录，队列大部分时间都是满的。每条审计记录都必须恰好写入一次，但是：",
                    audits.size()), Items.counts("record", "记录", wrong)));

            Disk slow = new Disk();
            AsyncLogger backpressured = open(grading, slow);
            for (int i = 1; i <= 8; i++) {
                Instant before = Time.now();
                backpressured.audit("audit " + i);
                Duration took = Time.since(before);
                run.expect(i > CAPACITY || took.isZero(), Phrase.of(
                        "audit(\"audit %d\") took %s although the queue of %d had room for it. The caller must only "
                                + "hand the record over, never wait for the slow write itself.",
                        "audit(\"audit %d\") 花了 %s，而 %d 个位置的队列里明明还有空位。调用方只应当把记录交出去，"
                                + "绝不能等待缓慢的写入本身。",
                        i, Time.format(took), CAPACITY));
                int waiting = i - slow.finished.get();
                run.expect(waiting <= CAPACITY + 1, Phrase.of(
                        "%d audit records had been accepted and not yet written at one moment, but a queue of %d "
                                + "holds at most %d (and one more is in the writer's hands). When the queue is full, "
                                + "audit must wait for room: that wait is the backpressure that keeps memory bounded.",
                        "某一时刻有 %d 条审计记录已被接收却还没写完，但 %d 个位置的队列最多只能放 %d 条（外加写入方手里的一条）。"
                                + "队列满了，audit 就必须等待空位：这种等待就是让内存有界的背压。",
                        waiting, CAPACITY, CAPACITY, CAPACITY));
            }
        });
    }

    @Test
    void theDroppedCountIsExact(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Disk disk = new Disk();
            AsyncLogger log = open(grading, disk);
            callers(c -> {
                for (int i = 1; i <= 10; i++) {
                    log.debug("debug " + c + "." + i);
                }
            });
            Time.sleep(CATCH_UP);
            int lines = 10 * CALLERS;
            int written = disk.begun("debug").size();
            run.expect(written >= CAPACITY, Phrase.of(
                    "Three callers logged %d debug lines at once into an empty queue of %d, but only %d were written: "
                            + "a line may be dropped only when the queue is full.",
                    "三个调用方同时向 %2$d 个位置的空队列写了 %1$d 条调试日志，却只写入了 %3$d 条：只有队列满了，才可以丢弃。",
                    lines, CAPACITY, written));
            run.expect(written <= CAPACITY + 1, Phrase.of(
                    "Three callers logged %d debug lines at once, faster than the writer can take them, into a queue "
                            + "of %d; %d of them were written. At most %d fit: the queue's %d and one in the writer's hands.",
                    "三个调用方同时写了 %d 条调试日志，远快于写入方取走的速度，队列只有 %d 个位置；结果写入了 %d 条。"
                            + "最多只能放下 %d 条：队列里的 %d 条，外加写入方手里的一条。",
                    lines, CAPACITY, written, CAPACITY + 1, CAPACITY));
            long dropped = log.dropped();
            run.expect(dropped == lines - written, Phrase.of(
                    "Of %d debug lines %d were written, so %d were dropped; dropped() said %d.",
                    "%d 条调试日志中写入了 %d 条，所以丢弃了 %d 条；dropped() 却说是 %d 条。",
                    lines, written, lines - written, dropped));

            Disk other = new Disk();
            AsyncLogger mixed = open(grading, other);
            List<String> records = mixed(1);
            records.forEach(r -> log(mixed, r));
            Time.sleep(CATCH_UP);
            long debugLines = records.stream().filter(r -> r.startsWith("debug")).count();
            int debugWritten = other.begun("debug").size();
            long droppedMixed = mixed.dropped();
            run.expect(droppedMixed == debugLines - debugWritten, Phrase.of(
                    "One caller logged %d debug lines with %d audit records between them; %d debug lines were written, "
                            + "so %d were dropped, but dropped() said %d. Only debug lines that found the queue full "
                            + "count; an audit record that waits is not dropped.",
                    "一个调用方写了 %d 条调试日志，中间夹着 %d 条审计记录；写入了 %d 条调试日志，所以丢弃了 %d 条，"
                            + "dropped() 却说是 %d 条。只有遇到队列已满的调试日志才算丢弃；等待中的审计记录并没有被丢弃。",
                    debugLines, records.size() - debugLines, debugWritten, debugLines - debugWritten, droppedMixed));
        });
    }

    @Test
    void oneWriterWritesInTheOrderAccepted(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Disk disk = new Disk();
            AsyncLogger log = open(grading, disk);
            callers(c -> mixed(c).forEach(r -> log(log, r)));
            Time.sleep(CATCH_UP);
            run.expect(disk.writing.most() <= 1, Phrase.of(
                    "At one moment %d records were being written at the same time. One writer goroutine writes "
                            + "every record, one after another: records never interleave half-way, and no lock is needed.",
                    "某一时刻有 %d 条记录在同时写入。应当由一个写入 goroutine 把所有记录一条接一条地写出：这样记录永远不会交错在一起，"
                            + "也不需要锁。",
                    disk.writing.most()));
            for (int c = 1; c <= CALLERS; c++) {
                List<String> logged = mixed(c);
                List<String> written = disk.begun("").stream().filter(logged::contains).toList();
                List<String> inOrder = logged.stream().filter(written::contains).toList();
                run.expect(written.equals(inOrder), Phrase.of(
                        "Caller %d logged %s in this order; of those, the writer wrote %s, in this order. Records must "
                                + "be written in the order they were accepted.",
                        "调用方 %d 按顺序写了 %s；写入方按这个顺序写出了其中的 %s。记录必须按被接收的顺序写出。",
                        c, logged, written));
            }
        });
    }

    @Test
    void closeWritesEverythingBeforeItReturns(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Disk disk = new Disk();
            AsyncLogger log = open(grading, disk);
            List<String> records = mixed(1);
            records.forEach(r -> log(log, r));
            log.close();
            Duration closedAt = Time.since(disk.start);
            List<String> endedBefore = List.copyOf(disk.ended);
            int writingThen = disk.writing.now();
            Time.sleep(CATCH_UP);
            List<String> endedAfter = List.copyOf(disk.ended);
            List<String> late = endedAfter.subList(Math.min(endedBefore.size(), endedAfter.size()), endedAfter.size());
            run.expect(late.isEmpty() && writingThen == 0, Phrase.of(
                    "close returned at %s, but the writer was still at work: it wrote %s after that. close must wait "
                            + "until the writer has written every queued record; records still queued when the "
                            + "program ends are lost.",
                    "close 在 %s 返回了，但写入方还在工作：之后它又写了 %s。close 必须等到写入方把队列里的每条记录都写完；"
                            + "程序结束时还在队列里的记录就丢了。",
                    Time.format(closedAt), late));
            run.expect(closedAt.equals(disk.lastEnd), Phrase.of(
                    "The writer wrote its last record at %s, but close returned only at %s. close should return as "
                            + "soon as the writer is done, not after a fixed wait.",
                    "写入方在 %s 写完了最后一条记录，close 却到 %s 才返回。写入方一结束，close 就应当返回，而不是固定地等一段时间。",
                    Time.format(disk.lastEnd), Time.format(closedAt)));

            Disk idle = new Disk();
            AsyncLogger empty = open(grading, idle);
            empty.close();
            Duration took = Time.since(idle.start);
            run.expect(took.isZero(), Phrase.of(
                    "close of a logger that had nothing to write took %s; it should return at once.",
                    "关闭一个什么也没写过的日志组件花了 %s；它应当立即返回。", Time.format(took)));
        });
    }

    @Test
    void noGoroutineIsLeftBehind(Grading grading) {
        grading.check(run -> {
            AsyncLogger log = open(grading, new Disk());
            mixed(1).forEach(r -> log(log, r));
            log.close();
            Time.sleep(CATCH_UP); // time for anything that close left running to end
        });
    }
}
