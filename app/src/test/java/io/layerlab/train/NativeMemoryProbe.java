package io.layerlab.train;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a JVM of its own by {@link MemorySettingsTest}: applies (or, switched off, skips) the
 * allocator settings, then allocates, touches and frees 32 blocks of 1 MB six times, as ND4J's
 * arrays come and go, and prints whether the settings took and the page faults of the last four
 * rounds (the first two settle the allocator's own adjusting).
 */
public final class NativeMemoryProbe {
    private static final int BLOCKS = 32;
    private static final int BLOCK_BYTES = 1 << 20;

    private NativeMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean kept = MemorySettings.keepFreedNativeMemory();
        long faults = 0;
        for (int round = 0; round < 6; round++) {
            long before = minorFaults();
            long[] blocks = new long[BLOCKS];
            for (int i = 0; i < BLOCKS; i++) {
                blocks[i] = Native.malloc(BLOCK_BYTES);
                Pointer p = new Pointer(blocks[i]);
                for (int offset = 0; offset < BLOCK_BYTES; offset += 4096) {
                    p.setByte(offset, (byte) 1);
                }
            }
            for (long block : blocks) {
                Native.free(block);
            }
            if (round >= 2) {
                faults += minorFaults() - before;
            }
        }
        System.out.println("kept " + kept + " faults " + faults);
    }

    private static long minorFaults() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[7]);
    }
}
