package io.layerlab.nd4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Nd4jRuntimeTest {
    @Test
    void loadingLeavesNd4jReadyWithItsFixesIn() {
        Nd4jRuntime.load();
        assertTrue(Nd4jRuntime.ready());
        assertTrue(NativeBufferGuard.installed());
        assertTrue(ShapeInfoCache.installed());
        assertTrue(TadCache.installed());
        Nd4jRuntime.load(); // a second call returns at once
        assertTrue(Nd4jRuntime.ready());
    }
}
