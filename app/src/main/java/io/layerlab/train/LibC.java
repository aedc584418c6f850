package io.layerlab.train;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few C library calls training needs on Linux (thread priorities, the allocator's settings),
 * through JNA. Loaded on first use, on a training thread: JNA unpacks its native part the first time.
 */
final class LibC {
    static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    private static final Logger LOG = LoggerFactory.getLogger(LibC.class);

    private LibC() {
    }

    interface Calls extends Library {
        int getpriority(int which, int who);

        int setpriority(int which, int who, int prio);

        /** glibc's allocator settings; 1 on success, 0 when refused (another C library may refuse them all). */
        int mallopt(int param, int value);
    }

    /** The C library on Linux; null elsewhere or when it cannot be loaded. */
    static Calls get() {
        return Holder.CALLS;
    }

    private static final class Holder {
        static final Calls CALLS = load();

        private static Calls load() {
            if (!LINUX) {
                return null;
            }
            try {
                return Native.load("c", Calls.class);
            } catch (LinkageError | RuntimeException e) {
                LOG.debug("No C library: {}", e.toString());
                return null;
            }
        }
    }
}
