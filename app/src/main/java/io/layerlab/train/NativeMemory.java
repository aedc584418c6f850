package io.layerlab.train;

/**
 * How JavaCPP (under ND4J) accounts for native memory; set before ND4J loads.
 *
 * <p>By default JavaCPP checks the process's physical memory (a system call) on every native
 * allocation, to force a garbage collection when it passes twice the Java heap's maximum. Training
 * a small network allocates many small arrays, and on this project's machine the checks took 28 % of
 * the training thread in a 400-epoch spiral run with the dashboard's observers attached, and made it
 * slower the longer the run went on (dashboard 12,000 samples/s with the checks against 21,600
 * without, in one JVM). The limit on the bytes JavaCPP itself allocates ({@code maxBytes}, the Java
 * heap's maximum) stays and still forces a collection when native arrays pile up.
 */
public final class NativeMemory {
    /** JavaCPP's system property for its physical-memory limit: 0 turns the per-allocation check off. */
    public static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    private NativeMemory() {
    }

    /** Call first thing in a main method, before any ND4J class loads. A value the person set (either spelling) wins. */
    public static void configure() {
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null && System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
    }
}
