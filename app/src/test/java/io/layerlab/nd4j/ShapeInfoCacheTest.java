package io.layerlab.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.cpu.nativecpu.buffer.BaseCpuDataBuffer;
import org.nd4j.linalg.factory.Nd4j;

class ShapeInfoCacheTest {
    @Test
    void arraysOfOneShapeShareOneDescriptorAndOthersDoNot() {
        assertTrue(ShapeInfoCache.install());
        assertInstanceOf(ShapeInfoCache.class, Nd4j.getShapeInfoProvider());

        INDArray first = Nd4j.create(DataType.FLOAT, 3, 5);
        INDArray second = Nd4j.create(DataType.FLOAT, 3, 5);
        assertSame(first.shapeInfoDataBuffer(), second.shapeInfoDataBuffer());

        assertNotSame(first.shapeInfoDataBuffer(), Nd4j.create(DataType.FLOAT, 5, 3).shapeInfoDataBuffer());
        assertNotSame(first.shapeInfoDataBuffer(), Nd4j.create(DataType.DOUBLE, 3, 5).shapeInfoDataBuffer());
        assertNotSame(first.shapeInfoDataBuffer(), Nd4j.create(DataType.FLOAT, new long[]{3, 5}, 'f').shapeInfoDataBuffer());
        INDArray transposed = first.transpose();
        assertArrayEquals(new long[]{5, 3}, transposed.shape());
        assertArrayEquals(new long[]{1, 5}, transposed.stride());
    }

    @Test
    void aDescriptorIsReadTheSameWhicheverArrayMadeIt() {
        assertTrue(ShapeInfoCache.install());
        INDArray values = Nd4j.arange(12).castTo(DataType.FLOAT).reshape(3, 4);
        INDArray again = Nd4j.arange(12).castTo(DataType.FLOAT).reshape(3, 4).addi(1);
        assertEquals(66f, values.sumNumber().floatValue());
        assertEquals(78f, again.sumNumber().floatValue());
        assertArrayEquals(new float[]{4, 5, 6, 7}, values.getRow(1).toFloatVector());
        assertArrayEquals(new float[]{2, 6, 10}, again.getColumn(1).toFloatVector());
    }

    @Test
    void aKeptDescriptorHandsOutOnePointerToItsNativeAddress() {
        assertTrue(ShapeInfoCache.install());
        DataBuffer descriptor = Nd4j.create(DataType.FLOAT, 7, 3).shapeInfoDataBuffer();
        assertSame(descriptor.addressPointer(), descriptor.addressPointer());
        assertEquals(((BaseCpuDataBuffer) descriptor).getOpaqueDataBuffer().primaryBuffer().address(), descriptor.addressPointer().address());
        assertArrayEquals(new long[]{2, 7, 3, 3, 1}, Arrays.copyOf(descriptor.asLong(), 5), "rank, shape, strides");
    }

    @Test
    void theCacheStopsGrowingAtItsLimit() {
        ShapeInfoCache cache = new ShapeInfoCache(3);
        for (int n = 1; n <= 10; n++) {
            cache.createShapeInformation(new long[]{n, 2}, new long[]{2, 1}, 1, 'c', DataType.FLOAT, false);
        }
        assertEquals(3, cache.size());
        var kept = cache.createShapeInformation(new long[]{1, 2}, new long[]{2, 1}, 1, 'c', DataType.FLOAT, false);
        assertSame(kept, cache.createShapeInformation(new long[]{1, 2}, new long[]{2, 1}, 1, 'c', DataType.FLOAT, false));
        var uncached = cache.createShapeInformation(new long[]{10, 2}, new long[]{2, 1}, 1, 'c', DataType.FLOAT, false);
        assertNotSame(uncached, cache.createShapeInformation(new long[]{10, 2}, new long[]{2, 1}, 1, 'c', DataType.FLOAT, false));
        long[] described = uncached.getSecond(); // rank, then the shape
        assertArrayEquals(new long[]{2, 10, 2}, new long[]{described[0], described[1], described[2]});
    }
}
