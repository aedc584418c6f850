package io.layerlab.train;

/** Run in a JVM of its own by {@link MemorySettingsTest}: applies the heap target and prints the resulting soft maximum. */
public final class HeapTargetProbe {
    private HeapTargetProbe() {
    }

    public static void main(String[] args) {
        MemorySettings.applyHeapTarget();
        System.out.println("soft max heap " + MemorySettings.softMaxHeapBytes().orElse(-1));
    }
}
