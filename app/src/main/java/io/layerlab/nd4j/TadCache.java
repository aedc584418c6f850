package io.layerlab.nd4j;

import java.lang.reflect.Field;
import java.util.Arrays;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.cache.TADManager;
import org.nd4j.linalg.cpu.nativecpu.CpuTADManager;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Java side of ND4J's tensor-along-dimension descriptors, so that an operation along a
 * dimension (a layer adding its bias, a sum over the batch) does not wrap them afresh each time.
 *
 * <h2>Why</h2>
 * Such an operation needs, for its input's shape and dimensions, a descriptor of the sub-arrays and
 * their offsets. The native library computes these once and keeps them; ND4J 1.0.0-M2.1's Java side
 * (its {@code CpuTADManager} has a cache it never uses) copies the dimensions into native memory and
 * wraps the two native results in two new tracked buffers on every call. Training the spiral sample
 * made about 40 of those an iteration. With this cache, on top of {@link ShapeInfoCache}, the command
 * line trained it 1.12-1.22 times as fast (300 epochs, three alternating runs each way:
 * 35,700-38,100 against 31,100-32,000 samples/s), with bit-identical losses.
 *
 * <h2>Safe to share</h2>
 * The wrapped descriptors are the native library's own constants, never written; the key is
 * everything they are computed from (the input's whole shape information and the sorted dimensions),
 * and the cache stops growing at {@link #MAX_ENTRIES} entries.
 */
public final class TadCache extends CpuTADManager {
    /** Distinct shape-and-dimensions pairs kept: far more than a model's training uses. */
    public static final int MAX_ENTRIES = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(TadCache.class);
    private static TADManager replaced;

    private final KeptDescriptors<Key, Pair<DataBuffer, DataBuffer>> descriptors;

    TadCache(int maxEntries) {
        descriptors = new KeptDescriptors<>(maxEntries);
        init(NativeOpsHolder.getInstance().getDeviceNativeOps(), Nd4j.getConstantHandler());
    }

    /**
     * Puts the cache in as ND4J's executioner's descriptor manager unless it is in; loads ND4J if it
     * has not loaded (seconds the first time: never on the JavaFX thread).
     *
     * @return whether the cache is in (false when this ND4J's executioner has no manager to replace, as logged)
     */
    public static synchronized boolean install() {
        if (replaced != null) {
            return true;
        }
        try {
            OpExecutioner executioner = Nd4j.getExecutioner();
            TADManager nd4jOwn = executioner.getTADManager();
            setManager(executioner, new TadCache(MAX_ENTRIES));
            replaced = nd4jOwn;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not keep ND4J's dimension descriptors between operations: {}", e.toString());
        }
        return replaced != null;
    }

    /** Whether {@link #install()} has put the cache in. */
    public static synchronized boolean installed() {
        return replaced != null;
    }

    /** Puts ND4J's own manager back: lets a test compare training with and without the cache. */
    static synchronized void uninstall() throws ReflectiveOperationException {
        if (replaced != null) {
            setManager(Nd4j.getExecutioner(), replaced);
            replaced = null;
        }
    }

    private static void setManager(OpExecutioner executioner, TADManager manager) throws ReflectiveOperationException {
        Field field = executioner.getClass().getDeclaredField("tadManager");
        field.setAccessible(true);
        field.set(executioner, manager);
    }

    /** The pairs cached so far. */
    int size() {
        return descriptors.size();
    }

    @Override
    public Pair<DataBuffer, DataBuffer> getTADOnlyShapeInfo(INDArray array, int[] dimensions) {
        // As ND4J's own: dimensions sorted in place, none meaning all.
        int[] along = dimensions == null ? new int[]{Integer.MAX_VALUE} : dimensions;
        if (along.length > 1) {
            Arrays.sort(along);
        }
        return descriptors.get(new Key(array.shapeInfoJava(), along), Key::copy,
                () -> keepingAddresses(super.getTADOnlyShapeInfo(array, along)));
    }

    private static Pair<DataBuffer, DataBuffer> keepingAddresses(Pair<DataBuffer, DataBuffer> descriptors) {
        return Pair.create(AddressKeepingDescriptor.of(descriptors.getFirst()), AddressKeepingDescriptor.of(descriptors.getSecond()));
    }

    /** What a descriptor pair is computed from. */
    private record Key(long[] shapeInformation, int[] dimensions) {
        Key copy() {
            return new Key(shapeInformation.clone(), dimensions.clone());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Arrays.equals(shapeInformation, key.shapeInformation) && Arrays.equals(dimensions, key.dimensions);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shapeInformation) + Arrays.hashCode(dimensions);
        }

        @Override
        public String toString() {
            return Arrays.toString(shapeInformation) + " along " + Arrays.toString(dimensions);
        }
    }
}
