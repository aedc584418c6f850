package io.layerlab.nd4j;

/**
 * Everything LayerLab changes in ND4J, put in once per process before ND4J is used: the
 * {@link NativeBufferGuard} (a crash otherwise), and the {@link ShapeInfoCache} and {@link TadCache}
 * (together, the spiral sample trained about 1.5 times as fast from the command line). Call it
 * wherever ND4J is about to do work; later calls return at once. It loads ND4J if it has not loaded
 * (seconds the first time: never on the JavaFX thread).
 */
public final class Nd4jFixes {
    private Nd4jFixes() { }

    /** Puts the fixes in unless they are; a fix this ND4J cannot take is logged and left out. */
    public static void install() {
        NativeBufferGuard.install();
        ShapeInfoCache.install();
        TadCache.install();
    }

    /** Takes the caches out again (the guard stays): lets a test compare training with and without them. */
    static void uninstallCaches() throws ReflectiveOperationException {
        ShapeInfoCache.uninstall();
        TadCache.uninstall();
    }
}
