package io.layerlab.train;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Limits the threads ND4J's native code uses for each operation, so that runs training side by
 * side do not each spread over every core and fight over them.
 *
 * <h2>What works in-process (ND4J 1.0.0-M2.1, CPU backend, OpenBLAS)</h2>
 * Native work goes through two thread pools, both process-wide:
 * <ul>
 *   <li>libnd4j's own parallel loops (element-wise ops, reductions), sized per call by
 *       {@code Environment.maxMasterThreads()}: {@link Environment#setMaxMasterThreads(int)} takes
 *       effect at once (values above {@code maxThreads()} are capped).
 *       {@link Environment#setMaxThreads(int)} does nothing in this release (its native body is
 *       commented out; {@code maxThreads()} keeps the value read from {@code OMP_NUM_THREADS}, or
 *       the core count, at start-up);</li>
 *   <li>OpenBLAS (matrix products), set with {@code Nd4j.factory().blas().setMaxThreads(n)}, which is
 *       OpenBLAS's {@code blas_set_num_threads}: takes effect for the next call.</li>
 * </ul>
 * Neither is per Java thread, so a sweep that trains P runs at once on C cores sets both to
 * max(1, C / P) while it runs and restores them afterwards.
 *
 * <p>Measured on 2 cores (under a load average of 6 to 9 from other processes), two runs in
 * parallel, five alternating pairs: an MLP 784-512-512-10 at batch 128 trained 1.4 to 3.3 times
 * faster in total with one thread each than with the default two; the spiral MLP 2-64-64-2 at batch
 * 32, whose matrices are too small for OpenBLAS to split, gained 0.94 to 2.1 times.
 *
 * <p>One run alone on a machine of two cores or fewer also trains with one native thread
 * ({@link #forOneRun(int)}): measured on this project's 2-core machine (quiet, 4 epochs each, one
 * native thread vs two, via OMP_NUM_THREADS), the spiral MLP trained 2.2 times, shapes-cnn 1.6 times,
 * waves-gru 1.6 times and the 784-512-512-10 MLP at batch 128 2.4 times as fast, and the second core
 * stays free for the window drawing the run. On more cores nothing is limited: not measured there.
 *
 * <p>Limits are leases: while several are held (two sweeps at once) the smallest applies; when the
 * last is closed the values from before the first come back.
 */
public final class NativeThreads {
    private static final Object LOCK = new Object();
    /** The limits of the leases held now; guarded by {@link #LOCK}. */
    private static final List<Integer> HELD = new ArrayList<>();
    private static int savedMasterThreads;
    private static int savedBlasThreads;

    private NativeThreads() { }

    /** The threads each of {@code parallelRuns} runs gets on {@code cores} cores: at least 1. */
    public static int perRun(int cores, int parallelRuns) {
        return Math.max(1, cores / Math.max(1, parallelRuns));
    }

    /** The limit for one run training alone on {@code cores} cores: 1 on two cores or fewer, else none (0). */
    public static int forOneRun(int cores) {
        return cores <= 2 ? 1 : 0;
    }

    /** The {@link #forOneRun(int) limit for one run} on this machine, held until the lease is closed. */
    public static Lease forOneRunHere() {
        int threads = forOneRun(Runtime.getRuntime().availableProcessors());
        return threads > 0 ? limit(threads) : Lease.NONE;
    }

    /** Limits native threads to {@code threads} until the returned lease is closed. */
    public static Lease limit(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a thread limit must be at least 1, was " + threads);
        }
        synchronized (LOCK) {
            Environment environment = Nd4j.getEnvironment();
            if (HELD.isEmpty()) {
                savedMasterThreads = environment.maxMasterThreads();
                savedBlasThreads = Nd4j.factory().blas().getMaxThreads();
            }
            HELD.add(threads);
            apply();
        }
        return new Lease(threads);
    }

    /** Threads libnd4j's loops use per operation now. */
    public static int currentMasterThreads() {
        return Nd4j.getEnvironment().maxMasterThreads();
    }

    /** Threads OpenBLAS uses per matrix product now. */
    public static int currentBlasThreads() {
        return Nd4j.factory().blas().getMaxThreads();
    }

    private static void apply() {
        int limit = HELD.stream().mapToInt(Integer::intValue).min().orElseThrow();
        Nd4j.getEnvironment().setMaxMasterThreads(Math.min(limit, savedMasterThreads));
        Nd4j.factory().blas().setMaxThreads(Math.min(limit, savedBlasThreads));
    }

    /** Releases its limit on {@link #close()}; closing twice is harmless. */
    public static final class Lease implements AutoCloseable {
        /** Limits nothing. */
        static final Lease NONE = new Lease(0, true);

        private final int threads;
        private boolean closed;

        private Lease(int threads) { this(threads, false); }

        private Lease(int threads, boolean closed) {
            this.threads = threads;
            this.closed = closed;
        }

        public int threads() { return threads; }

        @Override public void close() {
            synchronized (LOCK) {
                if (closed) return;
                closed = true;
                HELD.remove(Integer.valueOf(threads));
                if (HELD.isEmpty()) {
                    Nd4j.getEnvironment().setMaxMasterThreads(savedMasterThreads);
                    Nd4j.factory().blas().setMaxThreads(savedBlasThreads);
                } else {
                    apply();
                }
            }
        }
    }
}
