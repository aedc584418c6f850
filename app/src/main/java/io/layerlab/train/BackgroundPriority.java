package io.layerlab.train;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the operating system prefer the window over training: a thread that trains behind a window
 * asks for a lower scheduling priority, so that when both want a core, the window's threads (the
 * JavaFX and render threads) get it first and a frame is not kept waiting behind a training step.
 * Training loses nothing when the window is idle: a lower priority only matters while threads compete.
 *
 * <p>Java's {@link Thread#setPriority(int)} is honoured on Windows but ignored on Linux (unless the
 * JVM runs with {@code -XX:ThreadPriorityPolicy=1}, which prints a warning to every non-root user). On
 * Linux the nice value is a property of each thread, and raising one's own needs no privilege, so
 * the thread calls the C library's {@code setpriority} for itself. On macOS {@code setpriority}
 * would lower the whole process, so only the Java priority is set there.
 */
public final class BackgroundPriority {
    /** The nice value a training thread asks for on Linux: well below the window's 0, not the lowest (19). */
    public static final int TRAINING_NICE = 10;
    /** System property: {@code false} leaves training threads at the priority they have (to compare, or on a machine with cores to spare). */
    public static final String ENABLED_PROPERTY = "layerlab.training.lowPriority";
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final int PRIO_PROCESS = 0;
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");

    private BackgroundPriority() {
    }

    /** The C library's priority calls. */
    private interface CLibrary extends Library {
        int getpriority(int which, int who);

        int setpriority(int which, int who, int prio);
    }

    /** Loaded on first use, on a training thread: JNA unpacks its native part the first time. */
    private static final class C {
        static final CLibrary LIB = load();

        private static CLibrary load() {
            try {
                return Native.load("c", CLibrary.class);
            } catch (LinkageError | RuntimeException e) {
                LOG.debug("No C library for thread priorities: {}", e.toString());
                return null;
            }
        }
    }

    /**
     * Lowers the calling thread's priority for the rest of its life (threads of a training pool only
     * train). Never fails: where the system refuses, the thread keeps the priority it had.
     */
    public static void lowerCurrentThread() {
        if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
            return;
        }
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (!LINUX || C.LIB == null) {
            return;
        }
        try {
            // who = 0: on Linux, the calling thread alone. A thread already nicer than this stays so.
            if (C.LIB.getpriority(PRIO_PROCESS, 0) < TRAINING_NICE) {
                C.LIB.setpriority(PRIO_PROCESS, 0, TRAINING_NICE);
            }
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("Could not lower the training thread's priority: {}", e.toString());
        }
    }

    /** The calling thread's nice value on Linux; empty elsewhere or when it cannot be read. */
    public static Optional<Integer> currentNice() {
        if (!LINUX || C.LIB == null) {
            return Optional.empty();
        }
        return Optional.of(C.LIB.getpriority(PRIO_PROCESS, 0));
    }
}
