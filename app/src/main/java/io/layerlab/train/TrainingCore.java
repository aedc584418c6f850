package io.layerlab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the designer's training thread a core of its own while it trains, on a machine of two cores
 * where training runs on one thread ({@link NativeThreads#forOneRun(int)}): the training thread is
 * bound to the last core the process may use, and the process's other threads (the window's, ND4J's
 * deallocators, the JIT compilers) to the others. The collector's stop-the-world workers and the
 * JVM's VM thread stay free: they run while training waits for them anyway. Closing it gives every
 * thread back the cores it had.
 *
 * <p>Why: with the dashboard drawing the run, the scheduler kept moving window threads onto the
 * training thread's core (it was taken off its core about 140 times per CPU-second, against 30
 * headless), and the training thread spent 4-13 % more CPU on the same run than `layerlab train`
 * (caches refilled after every such visit). Bound, the training thread's CPU per run was 0.99-1.03 of
 * the headless one's and the dashboard trained 0.94-0.96 as fast as the command line, against
 * 0.88-0.91 unbound (docs/performance.md, session 24).
 *
 * <p>Linux only (through the C library's {@code sched_setaffinity}); elsewhere, on other core counts,
 * or with {@value #ENABLED_PROPERTY}{@code =false}, {@link #claim()} binds nothing.
 */
public final class TrainingCore implements AutoCloseable {
    /** System property: {@code false} leaves every thread free to run on any core (to compare). */
    public static final String ENABLED_PROPERTY = "layerlab.training.ownCore";
    /**
     * Threads left free, by the names Linux shows for them: Parallel's and G1's stop-the-world
     * collector workers and the VM thread, which work while every Java thread, training too, waits.
     */
    static final List<String> FREE_THREAD_PREFIXES = List.of("GC Thread", "VM Thread");
    /** Longs in the C library's {@code cpu_set_t}: 1,024 cores. */
    private static final int CPU_SET_LONGS = 16;
    private static final Logger LOG = LoggerFactory.getLogger(TrainingCore.class);
    private static final TrainingCore NONE = new TrainingCore(-1, null, Map.of(), null);

    private final int trainingTid;
    private final BitSet processCores;
    /** The threads bound to the other cores, with the cores each had before. */
    private final Map<Integer, BitSet> moved;
    private final BitSet otherCores;
    private boolean closed;

    private TrainingCore(int trainingTid, BitSet processCores, Map<Integer, BitSet> moved, BitSet otherCores) {
        this.trainingTid = trainingTid;
        this.processCores = processCores;
        this.moved = moved;
        this.otherCores = otherCores;
    }

    /**
     * Binds the calling thread, which is about to train, to a core of its own when this machine has
     * two cores and training uses one native thread; otherwise binds nothing. Never fails: where the
     * system refuses, every thread keeps the cores it had.
     */
    public static TrainingCore claim() {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores == 2 && NativeThreads.forOneRun(cores) == 1 ? claimHere() : NONE;
    }

    /** Binds the calling thread to the last of its cores and the process's other threads to the rest, if it has two or more. */
    static TrainingCore claimHere() {
        LibC.Calls c = LibC.get();
        if (c == null || !Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
            return NONE;
        }
        try {
            int self = currentTid();
            BitSet cores = affinity(c, 0).orElse(null);
            if (cores == null || cores.cardinality() < 2) {
                return NONE;
            }
            BitSet others = (BitSet) cores.clone();
            int trainingCore = cores.length() - 1;
            others.clear(trainingCore);
            BitSet own = new BitSet();
            own.set(trainingCore);
            if (!setAffinity(c, 0, own)) {
                return NONE;
            }
            Map<Integer, BitSet> moved = new LinkedHashMap<>();
            for (int tid : otherThreads(self)) {
                affinity(c, tid).filter(had -> setAffinity(c, tid, others)).ifPresent(had -> moved.put(tid, had));
            }
            return new TrainingCore(self, cores, moved, others);
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.debug("Could not give training a core of its own: {}", e.toString());
            return NONE;
        }
    }

    /** Whether this bound anything (the training thread's core, the others'). */
    public boolean bound() {
        return processCores != null;
    }

    /**
     * Gives the training thread (this must be it) and the threads moved off its core their cores back;
     * threads started meanwhile by a moved thread, which inherited its cores, get the process's cores.
     * Closing twice is harmless.
     */
    @Override
    public void close() {
        if (closed || processCores == null) {
            closed = true;
            return;
        }
        closed = true;
        LibC.Calls c = LibC.get();
        try {
            setAffinity(c, 0, processCores);
            for (int tid : otherThreads(trainingTid)) {
                BitSet had = moved.get(tid);
                if (had != null) {
                    setAffinity(c, tid, had);
                } else if (affinity(c, tid).filter(otherCores::equals).isPresent()) {
                    setAffinity(c, tid, processCores);
                }
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.debug("Could not give the threads their cores back: {}", e.toString());
        }
    }

    /** The cores thread {@code tid} may run on (0: the calling thread), on Linux. */
    static Optional<BitSet> affinityOf(int tid) {
        LibC.Calls c = LibC.get();
        return c == null ? Optional.empty() : affinity(c, tid);
    }

    /** The calling thread's id as Linux numbers threads (what {@code /proc/self/task} lists). */
    static int currentTid() throws IOException {
        // /proc/thread-self links to "<pid>/task/<tid>".
        return Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
    }

    /** The process's threads but {@code except} and the ones left free ({@link #FREE_THREAD_PREFIXES}). */
    private static List<Integer> otherThreads(int except) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> FREE_THREAD_PREFIXES.stream().noneMatch(readName(t)::startsWith))
                    .map(t -> Integer.parseInt(t.getFileName().toString()))
                    .filter(tid -> tid != except)
                    .toList();
        }
    }

    private static Optional<BitSet> affinity(LibC.Calls c, int tid) {
        long[] mask = new long[CPU_SET_LONGS];
        return c.sched_getaffinity(tid, mask.length * Long.BYTES, mask) == 0 ? Optional.of(BitSet.valueOf(mask)) : Optional.empty();
    }

    private static boolean setAffinity(LibC.Calls c, int tid, BitSet cores) {
        long[] mask = Arrays.copyOf(cores.toLongArray(), CPU_SET_LONGS);
        return c.sched_setaffinity(tid, mask.length * Long.BYTES, mask) == 0;
    }

    private static String readName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return ""; // the thread ended meanwhile
        }
    }
}
