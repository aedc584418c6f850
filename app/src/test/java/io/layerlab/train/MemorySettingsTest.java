package io.layerlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class MemorySettingsTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(MemorySettings.MAX_PHYSICAL_BYTES);
        System.clearProperty(MemorySettings.MAX_PHYSICAL_BYTES);
    }

    @AfterEach
    void restore() {
        System.clearProperty("org.bytedeco.javacpp.maxphysicalbytes");
        if (before == null) {
            System.clearProperty(MemorySettings.MAX_PHYSICAL_BYTES);
        } else {
            System.setProperty(MemorySettings.MAX_PHYSICAL_BYTES, before);
        }
    }

    @Test
    void turnsThePhysicalMemoryCheckOff() {
        MemorySettings.configure();

        assertThat(System.getProperty(MemorySettings.MAX_PHYSICAL_BYTES)).isEqualTo("0");
    }

    @Test
    void aLimitThePersonSetWinsInEitherSpelling() {
        System.setProperty(MemorySettings.MAX_PHYSICAL_BYTES, "8G");
        MemorySettings.configure();
        assertThat(System.getProperty(MemorySettings.MAX_PHYSICAL_BYTES)).isEqualTo("8G");

        System.clearProperty(MemorySettings.MAX_PHYSICAL_BYTES);
        System.setProperty("org.bytedeco.javacpp.maxphysicalbytes", "4G");
        MemorySettings.configure();
        assertThat(System.getProperty(MemorySettings.MAX_PHYSICAL_BYTES)).isNull();
    }

    @Test
    void underZgcTheHeapTargetIsOneGigabyte() throws Exception {
        assertThat(probe("-XX:+UseZGC", "-Xmx4g")).isEqualTo("soft max heap " + MemorySettings.SOFT_MAX_HEAP_BYTES);
    }

    @Test
    void aHeapTargetThePersonSetWins() throws Exception {
        assertThat(probe("-XX:+UseZGC", "-Xmx4g", "-XX:SoftMaxHeapSize=3g")).isEqualTo("soft max heap " + (3L << 30));
    }

    @Test
    void anotherCollectorKeepsItsOwnSizing() throws Exception {
        // Under G1 the soft maximum stays at its default, the heap's maximum.
        assertThat(probe("-XX:+UseG1GC", "-Xmx4g")).isEqualTo("soft max heap " + (4L << 30));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theCLibraryKeepsFreedNativeMemoryForTheNextArrays() throws Exception {
        // 32 MB allocated, touched and freed four times: handed back to the system each time it is
        // faulted in again (8,192 pages a round); kept, it is used again without a fault.
        String[] kept = lastLine(ChildJvm.run(NativeMemoryProbe.class)).split(" ");
        String[] returned = lastLine(ChildJvm.run(NativeMemoryProbe.class, "-D" + MemorySettings.KEEP_FREED_NATIVE_MEMORY + "=false")).split(" ");

        assertThat(kept[1]).as("the settings took").isEqualTo("true");
        assertThat(returned[1]).as("switched off").isEqualTo("false");
        long keptFaults = Long.parseLong(kept[3]);
        long returnedFaults = Long.parseLong(returned[3]);
        assertThat(returnedFaults).as("page faults with the C library's defaults").isGreaterThan(4 * 8192 / 2);
        assertThat(keptFaults).as("page faults with freed memory kept (defaults: %d)", returnedFaults).isLessThan(returnedFaults / 8);
    }

    private static String lastLine(List<String> lines) {
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** Runs {@link HeapTargetProbe} in a JVM with {@code options}; its last line of output. */
    private static String probe(String... options) throws Exception {
        return lastLine(ChildJvm.run(HeapTargetProbe.class, options));
    }
}
