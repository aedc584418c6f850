/**
 * What LayerLab does to ND4J itself, once per process, before using it: headless and free of JavaFX.
 *
 * <ul>
 *   <li>{@link io.layerlab.nd4j.NativeBufferGuard}: keeps ND4J from freeing a buffer a native
 *       operation is still reading (a crash of the whole process otherwise).</li>
 * </ul>
 */
package io.layerlab.nd4j;
