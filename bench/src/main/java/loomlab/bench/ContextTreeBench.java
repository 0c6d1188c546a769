package loomlab.bench;

import java.util.concurrent.TimeUnit;
import loomlab.engine.CancelContext;
import loomlab.engine.Context;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code context} (issue 3): a tree of {@code nodes} {@code withCancel} contexts under one
 * {@code withCancel(background())} root, built by the driver (goroutine 1 of one engine run), then
 * the root canceled. Shapes:
 * <ul>
 * <li>{@code wide}: every node is a child of the root (one children set of {@code nodes});</li>
 * <li>{@code deep}: a chain, each node the child of the one before (depth {@code nodes});</li>
 * <li>{@code tree}: fanout 10, breadth first: node {@code i} (1-based) is a child of node
 *     {@code (i - 1) / 10}, node 0 being the root (depth about log10(nodes)).</li>
 * </ul>
 * {@code build} builds only; {@code buildAndCancel} builds and cancels the root. The cancel cost is
 * their difference. One JMH op is one whole run; the score is microseconds per run, so ns per node
 * is {@code 1000 × score / nodes}. The checksum is 1 if the last node made is canceled (must be for
 * {@code buildAndCancel}), else 0.
 *
 * <p>{@code deep} with 10,000 or more nodes is expected to fail while the engine cancels children
 * recursively (one {@code CancelContext.cancel} frame per level): see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"-Xmx4g", "--add-opens=java.base/java.lang=ALL-UNNAMED"})
public class ContextTreeBench {
    static final int FANOUT = 10;

    @Param({"wide", "deep", "tree"})
    public String shape;

    @Param({"1000", "10000", "100000"})
    public int nodes;

    @Benchmark
    public long build() {
        String s = shape;
        int n = nodes;
        return Driver.onEngine(() -> {
            CancelContext root = Context.withCancel(Context.background());
            CancelContext last = build(root, s, n);
            return last.isCanceled() ? 1 : 0; // the tree is dropped uncanceled: it is garbage once the run ends
        });
    }

    @Benchmark
    public long buildAndCancel() {
        String s = shape;
        int n = nodes;
        return Driver.onEngine(() -> {
            CancelContext root = Context.withCancel(Context.background());
            CancelContext last = build(root, s, n);
            root.cancel();
            if (!last.isCanceled()) {
                throw new IllegalStateException("the last node was not canceled with the root");
            }
            return 1;
        });
    }

    /** Builds {@code n} nodes under {@code root} in the given shape; returns the last one made. */
    static CancelContext build(CancelContext root, String shape, int n) {
        switch (shape) {
            case "wide" -> {
                CancelContext last = root;
                for (int i = 0; i < n; i++) {
                    last = Context.withCancel(root);
                }
                return last;
            }
            case "deep" -> {
                CancelContext last = root;
                for (int i = 0; i < n; i++) {
                    last = Context.withCancel(last);
                }
                return last;
            }
            case "tree" -> {
                CancelContext[] all = new CancelContext[n + 1];
                all[0] = root;
                for (int i = 1; i <= n; i++) {
                    all[i] = Context.withCancel(all[(i - 1) / FANOUT]);
                }
                return all[n];
            }
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        }
    }
}
