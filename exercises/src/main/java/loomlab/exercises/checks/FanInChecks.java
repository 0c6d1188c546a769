package loomlab.exercises.checks;

import static loomlab.engine.Go.go;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import loomlab.engine.Chan;
import loomlab.engine.RecvChan;
import loomlab.engine.Time;
import loomlab.exercises.api.FanIn;
import loomlab.exercises.grading.Drained;
import loomlab.exercises.grading.Grading;
import loomlab.exercises.grading.GradingExtension;
import loomlab.exercises.grading.Phrase;
import loomlab.exercises.grading.Tally;
import loomlab.lessons.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades {@code fan-in}. The scenario: three inputs, each fed by a goroutine of its own and closed
 * by it. Input {@code i} sends {@code 100 i + 1}, {@code 100 i + 2}, … Inputs 1 and 3 are quiet:
 * after their first value they wait a second before the rest, so a merge that reads one input
 * after another is caught out.
 */
@ExtendWith(GradingExtension.class)
public class FanInChecks {
    private static final int INPUTS = 3;
    private static final int VALUES = 4;
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofMinutes(1);

    private static List<Integer> valuesOf(int input) {
        List<Integer> values = new ArrayList<>();
        for (int k = 1; k <= VALUES; k++) {
            values.add(100 * input + k);
        }
        return values;
    }

    private static List<Integer> allValues() {
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= INPUTS; i++) {
            all.addAll(valuesOf(i));
        }
        return all;
    }

    private static Drained<Integer> runMerge(Grading grading) {
        FanIn fanIn = grading.create(FanIn.class);
        List<RecvChan<Integer>> inputs = new ArrayList<>();
        for (int i = 1; i <= INPUTS; i++) {
            Chan<Integer> in = Chan.make("in-" + i, 0);
            inputs.add(in);
            boolean quiet = i % 2 == 1;
            List<Integer> values = valuesOf(i);
            go("feeder-" + i, () -> {
                for (int k = 0; k < values.size(); k++) {
                    if (k == 1 && quiet) {
                        Time.sleep(QUIET);
                    }
                    in.send(values.get(k));
                }
                in.close();
            });
        }
        return Drained.drain(fanIn.merge(inputs), PATIENCE);
    }

    @Test
    void everyValueArrivesExactlyOnce(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Drained<Integer> out = runMerge(grading);
            Tally<Integer> seen = new Tally<>();
            out.values().forEach(seen::add);
            Map<Integer, Integer> wrong = seen.notExactlyOnce(allValues());
            run.expect(wrong.isEmpty(), Phrase.lines(Phrase.of(
                    "The merged channel should deliver each of the %d input values once, but:",
                    "合并后的 channel 应当把 %d 个输入值各送出一次，但是：", allValues().size()),
                    Items.counts("value", "值", wrong)));
        });
    }

    @Test
    void eachInputKeepsItsOrder(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Drained<Integer> out = runMerge(grading);
            for (int i = 1; i <= INPUTS; i++) {
                int input = i;
                List<Integer> fromInput = out.values().stream().filter(v -> v / 100 == input).toList();
                run.expect(fromInput.equals(valuesOf(i)), Phrase.of(
                        "Input %d sent %s in this order, but the merged channel delivered them as %s.",
                        "输入 %d 按顺序发送了 %s，但合并后的 channel 送出的是 %s。", i, valuesOf(i), fromInput));
            }
        });
    }

    @Test
    void aQuietInputDoesNotHoldUpTheOthers(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Drained<Integer> out = runMerge(grading);
            for (int i = 1; i <= INPUTS; i++) {
                int first = valuesOf(i).getFirst();
                int at = out.values().indexOf(first);
                Duration when = at < 0 ? null : out.arrivals().get(at);
                if (when == null || when.compareTo(QUIET) >= 0) {
                    String en = when == null ? "never came out of the merge" : "came out of the merge after " + Time.format(when);
                    String zh = when == null ? "一直没有从合并 channel 出来" : "在 " + Time.format(when) + " 后才从合并 channel 出来";
                    run.fail(new Text(String.format(Locale.ROOT,
                            "Input %d sent its first value (%d) at once, but it %s. While one input was quiet for %s, "
                                    + "the others had to wait: the inputs were read one after another.",
                            i, first, en, Time.format(QUIET)), String.format(Locale.ROOT,
                            "输入 %d 立即发送了它的第一个值（%d），但这个值%s。一个输入安静了 %s，"
                                    + "其他输入就只能等着：这些输入是一个接一个读取的。",
                            i, first, zh, Time.format(QUIET))));
                }
            }
        });
    }

    @Test
    void outputIsClosedOnceAfterEveryInputIsDrained(Grading grading) {
        grading.schedules().leftoversAllowed().run(run -> {
            Drained<Integer> out = runMerge(grading);
            run.expect(out.closed(), Phrase.of(
                    "The merged channel was never closed, though every input was (%d values arrived): "
                            + "a reader that ranges over it would wait forever.",
                    "所有输入都已关闭，合并后的 channel 却一直没有关闭（收到了 %d 个值）：用 for 循环读取它的一方会永远等下去。",
                    out.values().size()));
            run.expect(out.values().size() == allValues().size(), Phrase.of(
                    "The merged channel was closed after %d of %d values.",
                    "合并后的 channel 在送出 %d 个值（共 %d 个）时就被关闭了。", out.values().size(), allValues().size()));
            Drained<Integer> none = Drained.drain(grading.create(FanIn.class).<Integer>merge(List.of()), PATIENCE);
            run.expect(none.closed() && none.values().isEmpty(), Phrase.of(
                    "Merging no inputs at all should give a channel that is closed at once; it was not closed.",
                    "合并零个输入时，应当得到一个立即关闭的 channel；但它没有关闭。"));
        });
    }

    @Test
    void noGoroutineIsLeftBehind(Grading grading) {
        grading.check(run -> runMerge(grading));
    }
}
