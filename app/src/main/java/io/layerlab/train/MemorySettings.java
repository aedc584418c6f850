package io.layerlab.train;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memory settings for training with ND4J, measured on this project's 2-core machine (spiral sample,
 * 100 epochs, fourteen runs one after another in one JVM, ZGC, 24 GB of memory).
 *
 * <p><b>JavaCPP's physical-memory check is off</b> ({@link #configure()}, before ND4J loads). By
 * default JavaCPP reads the process's resident size (a system call) on every native allocation, to
 * force a collection past twice the heap's maximum. Training a small network allocates many small
 * arrays: the checks took 28 % of the training thread in a 400-epoch run with the dashboard's
 * observers. The limit on the bytes JavaCPP itself allocates ({@code maxBytes}) stays.
 *
 * <p><b>ZGC aims at a 1 GB heap</b> ({@link #applyHeapTarget()}, at the first training). Each
 * iteration leaves ND4J objects that own native memory until they are collected. ZGC let the heap
 * grow towards its maximum before collecting, so both the native memory and the references to
 * process per collection grew run after run: the process's resident size went from 1.2 to 14.6 GB
 * and training slowed from 43,000 to 11,000 samples/s by the fourteenth run. Aiming at 1 GB
 * ({@code SoftMaxHeapSize}, which ZGC collects to stay under and may still exceed) kept it at
 * 2.4-2.7 GB and 28,000-37,000 samples/s throughout.
 *
 * <p><b>The C library keeps the native memory ND4J frees</b> ({@link #keepFreedNativeMemory()}, at
 * the first training, on Linux). ND4J frees an array's native memory when the collector finds the
 * array unused, on its own threads, in bursts. glibc's allocator handed such memory back to the
 * system and the next arrays faulted it in again, page by page: a run in which that happened
 * (tens of thousands of page faults) trained at half the speed of one in which it did not, and runs
 * of the same project in one JVM varied from 21,000 to 66,000 samples/s. Kept (a trim threshold of
 * 1 GB, blocks up to 32 MB from the allocator's heaps rather than from the system, 64 MB of padding
 * when a heap grows), warm runs had few page faults, used a third less CPU and trained at
 * 44,000-62,000 samples/s. The cost is that the process keeps memory it used at its peak.
 */
public final class MemorySettings {
    /** JavaCPP's system property for its physical-memory limit: 0 turns the per-allocation check off. */
    public static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";
    /** The heap ZGC is asked to stay under while training. */
    public static final long SOFT_MAX_HEAP_BYTES = 1L << 30;
    /** System property: {@code false} lets the C library hand freed native memory back to the system as it does by default. */
    public static final String KEEP_FREED_NATIVE_MEMORY = "layerlab.nativeMemory.keepFreed";
    /** glibc's {@code mallopt} parameters (malloc.h) and the values set for them. */
    static final int M_TRIM_THRESHOLD = -1;
    static final int M_TOP_PAD = -2;
    static final int M_MMAP_THRESHOLD = -3;
    static final int TRIM_THRESHOLD_BYTES = 1 << 30;
    static final int TOP_PAD_BYTES = 64 << 20;
    /** glibc's largest: blocks below it come from the allocator's heaps, which it now keeps. */
    static final int MMAP_THRESHOLD_BYTES = 32 << 20;
    private static final String SOFT_MAX_HEAP = "SoftMaxHeapSize";
    private static final Logger LOG = LoggerFactory.getLogger(MemorySettings.class);
    /** Guarded by the class: sweeps prepare runs on several threads at once. */
    private static boolean heapTargetApplied;
    private static Boolean nativeMemoryKept;

    private MemorySettings() {
    }

    /** Call first thing in a main method, before any ND4J class loads. A value the person set (either spelling) wins. */
    public static void configure() {
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null && System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
    }

    /**
     * Under ZGC, asks it to keep the heap near {@link #SOFT_MAX_HEAP_BYTES}, unless the person set
     * {@code -XX:SoftMaxHeapSize}. Once per JVM; cheap after the first call. Under another
     * collector it changes nothing (they ignore the setting or size their young space themselves).
     */
    public static synchronized void applyHeapTarget() {
        if (heapTargetApplied) {
            return;
        }
        heapTargetApplied = true;
        try {
            if (!underZgc()) {
                return;
            }
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            VMOption soft = hotSpot.getVMOption(SOFT_MAX_HEAP);
            // The JVM's own value (ZGC sets it to the heap's maximum, "ergonomically"); any other origin is the person's.
            if (soft.getOrigin() != VMOption.Origin.DEFAULT && soft.getOrigin() != VMOption.Origin.ERGONOMIC) {
                return;
            }
            long target = Math.min(SOFT_MAX_HEAP_BYTES, Runtime.getRuntime().maxMemory());
            hotSpot.setVMOption(SOFT_MAX_HEAP, Long.toString(target));
        } catch (RuntimeException e) {
            LOG.debug("Could not set the heap target: {}", e.toString());
        }
    }

    /**
     * On Linux, asks the C library's allocator to keep freed memory for the next allocations instead
     * of handing it back to the system (see the class comment), unless {@link #KEEP_FREED_NATIVE_MEMORY}
     * is {@code false}. Once per JVM. Whether the allocator took the settings: false elsewhere, when
     * switched off, and under a C library without them.
     */
    public static synchronized boolean keepFreedNativeMemory() {
        if (nativeMemoryKept == null) {
            nativeMemoryKept = Boolean.parseBoolean(System.getProperty(KEEP_FREED_NATIVE_MEMORY, "true")) && setAllocator();
        }
        return nativeMemoryKept;
    }

    private static boolean setAllocator() {
        LibC.Calls c = LibC.get();
        if (c == null) {
            return false;
        }
        try {
            // Any of these turns off glibc's own adjusting of the first and third as blocks come and go.
            boolean trim = c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES) == 1;
            boolean pad = c.mallopt(M_TOP_PAD, TOP_PAD_BYTES) == 1;
            boolean large = c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1;
            return trim && pad && large;
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("Could not change the allocator's settings: {}", e.toString());
            return false;
        }
    }

    /** The heap size ZGC aims at now, in bytes; empty when the JVM does not say. */
    static OptionalLong softMaxHeapBytes() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return OptionalLong.of(Long.parseLong(hotSpot.getVMOption(SOFT_MAX_HEAP).getValue()));
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean underZgc() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).anyMatch(n -> n.startsWith("ZGC"));
    }
}
