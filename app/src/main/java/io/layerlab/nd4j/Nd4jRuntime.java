package io.layerlab.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gets ND4J ready before anything needs it: its classes and native libraries loaded (about 3 s on 2
 * cores, well under one with the launcher's class-data archive), {@link Nd4jFixes} in, and a
 * first matrix product done so that the native kernels are resolved. The designer does this in the
 * background once its first frame is on screen, so that pressing Train does not wait for it. Later
 * calls return at once.
 */
public final class Nd4jRuntime {
    private static boolean ready;

    private Nd4jRuntime() { }

    /**
     * Loads and prepares ND4J on the calling thread unless done already; never call it on the
     * JavaFX thread.
     *
     * @throws IllegalStateException when ND4J cannot load here (no native library for this system),
     *                               with ND4J's reason as the cause
     */
    public static synchronized void load() {
        if (ready) {
            return;
        }
        try {
            Nd4jFixes.install();
            INDArray square = Nd4j.create(new float[]{1, 2, 3, 4}, new long[]{2, 2}, 'c');
            square.mmul(square);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("ND4J could not load: " + rootMessage(e), e);
        }
        ready = true;
    }

    /** Whether {@link #load()} has finished. */
    public static synchronized boolean ready() {
        return ready;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
