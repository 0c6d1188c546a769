/**
 * Benchmarks of the engine beside two peers on the same virtual threads: SoftwareMill Jox
 * channels and the {@code java.util.concurrent} queues. The workloads are the five of the anchor
 * kit ({@code /work/shared/bench/README.md}), which also holds Go's figures for the same shapes.
 *
 * <p>Four workloads are JMH benchmarks ({@link loomlab.bench.PingPong}, {@link loomlab.bench.Buffered},
 * {@link loomlab.bench.Select4}, {@link loomlab.bench.WorkerPool}); run them with
 * {@code ./loomlab bench}. The fifth, a million goroutines blocked on one channel, measures memory
 * and one-off phases that JMH cannot time, so it is a plain program:
 * {@code ./loomlab bench --blocked} ({@link loomlab.bench.BlockedMillion}). The engine's methods run
 * once per scheduler (its own G-M-P one and the JDK's, {@link loomlab.bench.EngineSetup}) and, on the
 * channel workloads, with and without an event listener ({@link loomlab.bench.TracedEngineSetup});
 * {@link loomlab.bench.DeterministicOps} measures the deterministic mode. Results and how to
 * read them: {@code docs/benchmarks.md}. None of this is part of {@code ./loomlab test}.
 */
package loomlab.bench;
