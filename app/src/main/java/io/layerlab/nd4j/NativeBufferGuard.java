package io.layerlab.nd4j;

import java.lang.ref.Cleaner;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.LongAdder;
import org.nd4j.linalg.api.memory.Deallocatable;
import org.nd4j.linalg.api.memory.Deallocator;
import org.nd4j.linalg.api.memory.deallocation.DeallocatorService;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the buffers each thread gave ND4J most recently reachable, so that ND4J never frees a
 * buffer a native operation is still reading.
 *
 * <h2>The crash it prevents</h2>
 * ND4J 1.0.0-M2.1 frees an array's native memory on its own threads once the collector finds the
 * array's Java buffer unreachable. Some operations hand native code a buffer whose Java owner is
 * unreachable for the rest of the call: a broadcast (a layer adding its bias, every iteration)
 * passes its op's dimension array, and the op is not used after the call. A collection while the
 * call runs (another thread can start one) finds the buffer dead, ND4J's thread frees it at once, and
 * native code reads freed memory: the JVM dies with SIGSEGV in {@code sd::DataBuffer::primary()}.
 * The more often the collector runs, the likelier: training the spiral sample from the command line
 * with a 16 MB young generation crashed twice that way, and a loop of bias additions beside a thread
 * making garbage crashed in each of thirteen tries within 0.5-4 s of starting (2-4 MB young generation).
 * With this guard the same loop ran four times 15 s at a 2 MB young generation without a crash
 * ({@code NativeBufferGuardTest} runs it both ways).
 *
 * <h2>How</h2>
 * It replaces ND4J's deallocator service with one that also remembers, per thread, the last
 * {@link #KEPT_PER_THREAD} buffers registered. Native calls use buffers the calling thread made
 * shortly before (the broadcast's dimension array one to three registrations before), and a thread
 * registers nothing while it is inside a native call, so the buffer stays reachable until the call
 * has returned. The cost grows with the number kept, as their memory is freed later: the command
 * line trained the spiral sample (300 epochs, six alternating runs each) 5.6 % slower keeping 256,
 * 2-3 % keeping 64 and about 1 % keeping 16, the last two within the runs' noise.
 *
 * <h2>Releasing through a {@link Cleaner}</h2>
 * ND4J's own service tracks each buffer under a string id it builds for it ({@code "BCDB_" + number},
 * twice per buffer: once for its reference, once for its map of live references), which with the
 * reference, the map's entry and the string builders was about a sixth of all the bytes training the
 * spiral sample allocated (an operation's context is tracked the same way). The replacement registers
 * each buffer's deallocator with a JDK {@code Cleaner} instead, which keeps its live registrations in a
 * list without ids or map entries and runs each deallocator on its own thread once its buffer is
 * unreachable, as ND4J's threads did. Training the spiral sample from the command line it cut the bytes
 * allocated per epoch by another 16 % and the collections from 145 to 128 per 1,000 epochs. Its thread
 * ({@link #DEALLOCATOR_THREAD_NAME}) is one of the helper threads that yield to the window.
 */
public final class NativeBufferGuard {
    /** Buffers remembered per thread: ten times what a broadcast makes between its dimension array and the call. */
    public static final int KEPT_PER_THREAD = 32;
    /** The thread that frees buffers once they are unreachable (15 characters: all of it shows in Linux's thread list). */
    public static final String DEALLOCATOR_THREAD_NAME = "Nd4jDeallocator";
    private static final Logger LOG = LoggerFactory.getLogger(NativeBufferGuard.class);
    private static final LongAdder RELEASED = new LongAdder();
    private static boolean installed;

    private NativeBufferGuard() { }

    /**
     * Installs the guard unless it is in; loads ND4J if it has not loaded (seconds the first time:
     * call it off the JavaFX thread, where ND4J is about to be used anyway). Buffers made before
     * stay with ND4J's own service, which still frees them.
     *
     * @return whether the guard is in (false when this ND4J has no service to replace, as logged)
     */
    public static synchronized boolean install() {
        if (installed) {
            return true;
        }
        try {
            Field service = Nd4j.class.getDeclaredField("deallocatorService");
            service.setAccessible(true);
            KeepingService keeping = new KeepingService();
            // Nd4j.getDeallocatorService() reads the field holding this lock.
            synchronized (Nd4j.class) {
                service.set(null, keeping);
            }
            installed = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not guard ND4J's buffers against being freed during native calls: {}", e.toString());
        }
        return installed;
    }

    /** Whether {@link #install()} has put the guard in. */
    public static synchronized boolean installed() {
        return installed;
    }

    /** Buffers released so far by the installed guard (none before it is in): lets a test see that unreachable buffers are freed. */
    static long released() {
        return RELEASED.sum();
    }

    /** Releases buffers through a {@link Cleaner}, and keeps each thread's ring of the buffers it registered last. */
    private static final class KeepingService extends DeallocatorService {
        private final Cleaner cleaner = Cleaner.create(action -> new Thread(action, DEALLOCATOR_THREAD_NAME));
        private final ThreadLocal<Ring> rings = ThreadLocal.withInitial(Ring::new);

        @Override
        public void pickObject(Deallocatable deallocatable) {
            Deallocator deallocator = deallocatable.deallocator(); // must not refer to the buffer, or it never becomes unreachable
            cleaner.register(deallocatable, () -> {
                deallocator.deallocate();
                RELEASED.increment();
            });
            rings.get().keep(deallocatable);
        }
    }

    private static final class Ring {
        private final Object[] kept = new Object[KEPT_PER_THREAD];
        private int next;

        void keep(Object buffer) {
            kept[next] = buffer;
            next = (next + 1) % KEPT_PER_THREAD;
        }
    }
}
