package io.layerlab.nd4j;

/**
 * Everything LayerLab changes in ND4J, put in once per process before ND4J is used: the
 * {@link NativeBufferGuard} (a crash otherwise) and the {@link ShapeInfoCache} (training about twice as
 * fast). Call it wherever ND4J is about to do work; later calls return at once. It loads ND4J if it
 * has not loaded (seconds the first time: never on the JavaFX thread).
 */
public final class Nd4jFixes {
    private Nd4jFixes() { }

    /** Puts both fixes in unless they are; a fix this ND4J cannot take is logged and left out. */
    public static void install() {
        NativeBufferGuard.install();
        ShapeInfoCache.install();
    }
}
