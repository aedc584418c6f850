package io.layerlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(NativeMemory.MAX_PHYSICAL_BYTES);
        System.clearProperty(NativeMemory.MAX_PHYSICAL_BYTES);
    }

    @AfterEach
    void restore() {
        System.clearProperty("org.bytedeco.javacpp.maxphysicalbytes");
        if (before == null) {
            System.clearProperty(NativeMemory.MAX_PHYSICAL_BYTES);
        } else {
            System.setProperty(NativeMemory.MAX_PHYSICAL_BYTES, before);
        }
    }

    @Test
    void turnsThePhysicalMemoryCheckOff() {
        NativeMemory.configure();

        assertThat(System.getProperty(NativeMemory.MAX_PHYSICAL_BYTES)).isEqualTo("0");
    }

    @Test
    void aLimitThePersonSetWinsInEitherSpelling() {
        System.setProperty(NativeMemory.MAX_PHYSICAL_BYTES, "8G");
        NativeMemory.configure();
        assertThat(System.getProperty(NativeMemory.MAX_PHYSICAL_BYTES)).isEqualTo("8G");

        System.clearProperty(NativeMemory.MAX_PHYSICAL_BYTES);
        System.setProperty("org.bytedeco.javacpp.maxphysicalbytes", "4G");
        NativeMemory.configure();
        assertThat(System.getProperty(NativeMemory.MAX_PHYSICAL_BYTES)).isNull();
    }
}
