package io.layerlab.nd4j;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.cpu.nativecpu.buffer.LongBuffer;

/**
 * A native descriptor (shape information, sub-array offsets) that hands out one address pointer
 * instead of making one at every call.
 *
 * <h2>Why</h2>
 * Every operation passes its arrays' descriptors to native code as JavaCPP pointers, and ND4J
 * 1.0.0-M2.1's CPU buffer builds each one afresh ({@code addressPointer()}: two native calls that each
 * wrap the address in a new {@code Pointer}, then a {@code PagedPointer}, then a typed pointer). Training
 * the spiral sample, about a quarter of all the bytes allocated were these wrappers, most of them for
 * descriptors, and every collection they cause is a pause. Keeping the descriptors' pointers cut the
 * bytes allocated per epoch by 16 % (JFR allocation samples, 1,500 epochs) and the command line's
 * collections from 177 to 145 per 1,000 epochs, with bit-identical losses.
 *
 * <h2>Safe to keep</h2>
 * Only constant descriptors the native library keeps for the life of the process get this wrapper (the
 * ones {@link ShapeInfoCache} and {@link TadCache} keep), so the address never changes; ND4J's callers
 * pass the pointer straight to native code and never move or free it.
 */
final class AddressKeepingDescriptor extends LongBuffer {
    private final Pointer address;

    private AddressKeepingDescriptor(DataBuffer descriptor) {
        super(descriptor.addressPointer(), descriptor.length());
        address = super.addressPointer();
        setConstant(descriptor.isConstant());
    }

    /**
     * A copy of {@code descriptor} that keeps its address pointer; the descriptor itself when it is
     * not a CPU buffer of 64-bit integers (as every ND4J descriptor here is) or already keeps it.
     * Only for descriptors the native library keeps for the life of the process.
     */
    static DataBuffer of(DataBuffer descriptor) {
        if (!(descriptor instanceof LongBuffer) || descriptor instanceof AddressKeepingDescriptor
                || descriptor.addressPointer() == null) {
            return descriptor;
        }
        return new AddressKeepingDescriptor(descriptor);
    }

    @Override
    public Pointer addressPointer() {
        return address;
    }
}
