package io.layerlab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import io.layerlab.nd4j.NativeBufferGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the operating system prefer the window over the work that serves training. The threads that
 * work for training (the collector, ND4J's deallocators, the JIT compilers: {@link #lowerHelperThreads()})
 * ask for a lower scheduling priority, so that when they and the window's threads (JavaFX, render)
 * want the same core, the window gets it and a frame is not kept waiting; they lose nothing while
 * the window is idle. The thread that trains in the designer keeps its normal priority: lowered too,
 * it was taken off its core whenever a frame was drawn and came back to emptied caches, and spent 12 %
 * more CPU on the same run. Measured with the dashboard (spiral sample, 10 rounds, 2 cores, median
 * samples/s with the dashboard over the command line's): 0.84-0.85 with training and helpers lowered
 * (pulses p99 17-19 ms), 0.97-1.08 with the helpers alone lowered (p99 21-27 ms), 0.98 with nothing
 * lowered (p99 42 ms, the slowest 106 ms).
 * A sweep's workers are batch work and lower themselves too ({@link #lowerCurrentThread()}).
 *
 * <p>Java's {@link Thread#setPriority(int)} is honoured on Windows but ignored on Linux (unless the
 * JVM runs with {@code -XX:ThreadPriorityPolicy=1}, which prints a warning to every non-root user). On
 * Linux the nice value is a property of each thread, and raising one's own needs no privilege, so
 * the thread calls the C library's {@code setpriority} for itself. On macOS {@code setpriority}
 * would lower the whole process, so only the Java priority is set there.
 */
public final class BackgroundPriority {
    /** The nice value a helper or sweep thread asks for on Linux: well behind the window's 0, not the last (19). */
    public static final int BACKGROUND_NICE = 10;
    /**
     * System property: {@code false} leaves helper and sweep threads at the priority they have (to
     * compare, or on a machine with cores to spare).
     */
    public static final String ENABLED_PROPERTY = "layerlab.training.lowPriority";
    /**
     * Threads that work for training rather than for the window, by the names Linux shows for them
     * (cut to 15 characters): ZGC's workers, the threads that free ND4J's native memory once
     * its arrays are collected (LayerLab's {@link NativeBufferGuard#DEALLOCATOR_THREAD_NAME}, ND4J's own
     * for arrays made before it was in, JavaCPP's), the JVM's reference handler that hands those arrays
     * over, and the JIT compilers. On two cores they took as much CPU as the training thread itself (ZGC alone 45 % of a
     * core), and a frame waited behind them as behind training. The Parallel collector the launcher
     * picks now works only while every Java thread waits for it: its threads keep their priority.
     */
    static final List<String> HELPER_THREAD_PREFIXES = List.of("ZWorker",
            NativeBufferGuard.DEALLOCATOR_THREAD_NAME, "DeallocatorServ", "JavaCPP Dealloc", "Reference Handl",
            "C1 CompilerThre", "C2 CompilerThre");
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final int PRIO_PROCESS = 0;

    private BackgroundPriority() {
    }

    /**
     * Lowers the calling thread's priority for the rest of its life (a sweep's workers: they only
     * train). Never fails: where the system refuses, the thread keeps the priority it had.
     */
    public static void lowerCurrentThread() {
        if (!enabled()) {
            return;
        }
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (LibC.get() == null) {
            return;
        }
        try {
            lower(0);
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("Could not lower the training thread's priority: {}", e.toString());
        }
    }

    /**
     * On Linux, gives the JVM's and ND4J's helper threads ({@link #HELPER_THREAD_PREFIXES}) the
     * training priority too; call at the start (the JVM's) and again once ND4J is loaded (its threads
     * start with it). Returns how many threads were lowered; 0 elsewhere.
     */
    public static int lowerHelperThreads() {
        if (LibC.get() == null || !enabled()) {
            return 0;
        }
        int lowered = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name = readName(task);
                if (HELPER_THREAD_PREFIXES.stream().noneMatch(name::startsWith)) {
                    continue;
                }
                if (lower(Integer.parseInt(task.getFileName().toString()))) {
                    lowered++;
                }
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.debug("Could not lower the helper threads' priority: {}", e.toString());
        }
        return lowered;
    }

    /**
     * Starts {@link #lowerHelperThreads()} on a thread of its own and returns that thread: for the
     * designer's start, before JavaFX starts. On a small machine the JIT compilers otherwise take the
     * cores the JavaFX thread needs to build the designer; lowered from the start (they are lowered at
     * every run anyway), the designer's first frame came about 150 ms sooner: 1.34-1.81 s against
     * 1.50-1.82 s after the JVM started (medians 1.44 and 1.60 s), sooner in 14 of 16 alternating
     * pairs of launches on 2 cores. A thread of its own because the C library is loaded through JNA
     * the first time.
     */
    public static Thread lowerHelperThreadsMeanwhile() {
        Thread lowering = new Thread(BackgroundPriority::lowerHelperThreads, "LayerLab priorities");
        lowering.setDaemon(true);
        lowering.start();
        return lowering;
    }

    /**
     * Gives thread {@code tid} (0: the calling thread alone, on Linux) the training nice value;
     * a thread already nicer stays so. Whether it changed.
     */
    private static boolean lower(int tid) {
        LibC.Calls c = LibC.get();
        return c.getpriority(PRIO_PROCESS, tid) < BACKGROUND_NICE && c.setpriority(PRIO_PROCESS, tid, BACKGROUND_NICE) == 0;
    }

    private static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"));
    }

    private static String readName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return ""; // the thread ended meanwhile
        }
    }

    /** The calling thread's nice value on Linux; empty elsewhere or when it cannot be read. */
    static Optional<Integer> currentNice() {
        LibC.Calls c = LibC.get();
        return c == null ? Optional.empty() : Optional.of(c.getpriority(PRIO_PROCESS, 0));
    }
}
