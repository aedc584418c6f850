package io.layerlab.nd4j;

import java.lang.reflect.Field;
import java.util.Arrays;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.ShapeInfoProvider;
import org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets arrays of the same shape share one native shape descriptor, as ND4J means them to.
 *
 * <h2>Why</h2>
 * Every ND4J array, views included, carries a small native buffer describing its shape, strides and
 * type. ND4J's CPU backend caches these descriptors ({@code DirectShapeInfoProvider}), but in
 * 1.0.0-M2.1 the constructors that most arrays go through call a variant of the method it does not
 * override, so each array asks the native library for its descriptor afresh (passing native copies of
 * its shape and strides) and wraps it in a new Java buffer, which ND4J's deallocator must track and
 * release once the array is collected. Training the spiral
 * sample made about 280 such tracked buffers an iteration, 40 % of them shape descriptors,
 * and the collector's pauses (which process every one of those references) took 16-18 % of the
 * training time. With this cache {@code layerlab train} trained it 1.25-1.35 times as fast (300 epochs,
 * two runs each way: 31,700-32,400 against 24,000-25,500 samples/s; 1.8-2.1 times in a JVM without the
 * launcher's class-data archive), with bit-identical losses.
 *
 * <h2>Safe to share</h2>
 * The descriptor's memory is already shared: the native library keeps one constant descriptor per
 * shape and hands out the same memory each time; what was new per array was the Java wrapper around
 * it (with two native copies of the shape and strides to ask for it). ND4J marks these descriptors
 * constant and its own cache hands one to every array of a shape. The key holds everything the
 * descriptor is made from (shape, strides, element-wise stride, order, type, emptiness), and the
 * cache stops growing at {@link #MAX_ENTRIES} shapes (a model whose shapes keep changing then gets
 * fresh wrappers again, as without it).
 */
public final class ShapeInfoCache extends DirectShapeInfoProvider {
    /** Distinct shapes kept: a few hundred bytes each, far more than a model's training uses. */
    public static final int MAX_ENTRIES = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(ShapeInfoCache.class);
    private static ShapeInfoProvider replaced;

    private final KeptDescriptors<Key, Pair<DataBuffer, long[]>> descriptors;

    ShapeInfoCache(int maxEntries) {
        descriptors = new KeptDescriptors<>(maxEntries);
    }

    /**
     * Puts the cache in as ND4J's shape-information provider unless it is in; loads ND4J if it has
     * not loaded (seconds the first time: never on the JavaFX thread). Arrays made before keep their
     * own descriptors.
     *
     * @return whether the cache is in (false when this ND4J has no provider to replace, as logged)
     */
    public static synchronized boolean install() {
        if (replaced != null) {
            return true;
        }
        try {
            ShapeInfoProvider nd4jOwn = Nd4j.getShapeInfoProvider(); // loads the backend, which sets the field
            setProvider(new ShapeInfoCache(MAX_ENTRIES));
            replaced = nd4jOwn;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not share ND4J's shape descriptors between arrays: {}", e.toString());
        }
        return replaced != null;
    }

    /** Whether {@link #install()} has put the cache in. */
    public static synchronized boolean installed() {
        return replaced != null;
    }

    /** Puts ND4J's own provider back: lets a test compare training with and without the cache. */
    static synchronized void uninstall() throws ReflectiveOperationException {
        if (replaced != null) {
            setProvider(replaced);
            replaced = null;
        }
    }

    private static void setProvider(ShapeInfoProvider provider) throws ReflectiveOperationException {
        Field field = Nd4j.class.getDeclaredField("shapeInfoProvider");
        field.setAccessible(true);
        synchronized (Nd4j.class) {
            field.set(null, provider);
        }
    }

    /** The shapes cached so far. */
    int size() {
        return descriptors.size();
    }

    @Override
    public Pair<DataBuffer, long[]> createShapeInformation(long[] shape, long[] stride, long elementWiseStride,
                                                           char order, DataType dataType, boolean empty) {
        return descriptors.get(new Key(shape, stride, elementWiseStride, order, dataType, empty), Key::copy,
                () -> keepingAddress(super.createShapeInformation(shape, stride, elementWiseStride, order, dataType, empty)));
    }

    private static Pair<DataBuffer, long[]> keepingAddress(Pair<DataBuffer, long[]> descriptor) {
        return Pair.create(AddressKeepingDescriptor.of(descriptor.getFirst()), descriptor.getSecond());
    }

    /** What a shape descriptor is made from. */
    private record Key(long[] shape, long[] stride, long elementWiseStride, char order, DataType dataType, boolean empty) {
        Key copy() {
            return new Key(shape.clone(), stride.clone(), elementWiseStride, order, dataType, empty);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Arrays.equals(shape, key.shape) && Arrays.equals(stride, key.stride)
                    && elementWiseStride == key.elementWiseStride && order == key.order
                    && dataType == key.dataType && empty == key.empty;
        }

        @Override
        public int hashCode() {
            int hash = Arrays.hashCode(shape);
            hash = 31 * hash + Arrays.hashCode(stride);
            hash = 31 * hash + Long.hashCode(elementWiseStride);
            hash = 31 * hash + order;
            hash = 31 * hash + dataType.hashCode();
            return 31 * hash + Boolean.hashCode(empty);
        }

        @Override
        public String toString() {
            return Arrays.toString(shape) + "/" + Arrays.toString(stride) + " " + order + " " + dataType;
        }
    }
}
