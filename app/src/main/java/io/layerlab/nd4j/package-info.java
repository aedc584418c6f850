/**
 * What LayerLab does to ND4J itself, once per process, before using it: headless and free of JavaFX.
 *
 * <ul>
 *   <li>{@link io.layerlab.nd4j.NativeBufferGuard}: keeps ND4J from freeing a buffer a native
 *       operation is still reading (a crash of the whole process otherwise).</li>
 *   <li>{@link io.layerlab.nd4j.ShapeInfoCache}: arrays of one shape share one native shape
 *       descriptor.</li>
 *   <li>{@link io.layerlab.nd4j.TadCache}: an operation along a dimension reuses the descriptors of
 *       its sub-arrays instead of wrapping them afresh (with the shape cache, training about 1.5
 *       times as fast).</li>
 *   <li>{@link io.layerlab.nd4j.Nd4jFixes}: all three, in one call.</li>
 *   <li>{@link io.layerlab.nd4j.Nd4jRuntime}: ND4J loaded, guarded and its kernels resolved, in the
 *       designer's background before a first Train needs it.</li>
 * </ul>
 */
package io.layerlab.nd4j;
