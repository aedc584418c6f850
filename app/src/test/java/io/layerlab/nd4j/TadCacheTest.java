package io.layerlab.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TadCacheTest {
    @Test
    void oneShapeAlongOneDimensionGetsOneDescriptorPair() {
        assertTrue(TadCache.install());
        var manager = assertInstanceOf(TadCache.class, Nd4j.getExecutioner().getTADManager());

        var alongRows = manager.getTADOnlyShapeInfo(Nd4j.create(DataType.FLOAT, 3, 4), new int[]{1});
        assertSame(alongRows, manager.getTADOnlyShapeInfo(Nd4j.create(DataType.FLOAT, 3, 4), new int[]{1}));
        assertNotSame(alongRows, manager.getTADOnlyShapeInfo(Nd4j.create(DataType.FLOAT, 3, 4), new int[]{0}));
        assertNotSame(alongRows, manager.getTADOnlyShapeInfo(Nd4j.create(DataType.FLOAT, 4, 4), new int[]{1}));
        assertNotSame(alongRows, manager.getTADOnlyShapeInfo(Nd4j.create(DataType.FLOAT, new long[]{3, 4}, 'f'), new int[]{1}));
        assertEquals(3, alongRows.getSecond().length(), "one offset per row");
    }

    @Test
    void dimensionsInAnyOrderMeanTheSame() {
        assertTrue(TadCache.install());
        var manager = Nd4j.getExecutioner().getTADManager();
        INDArray cube = Nd4j.create(DataType.FLOAT, 2, 3, 4);
        assertSame(manager.getTADOnlyShapeInfo(cube, new int[]{0, 2}), manager.getTADOnlyShapeInfo(cube, new int[]{2, 0}));
    }

    @Test
    void operationsAlongDimensionsComputeWhatTheyShould() {
        assertTrue(TadCache.install());
        for (int round = 0; round < 2; round++) { // the second round reads the kept descriptors
            INDArray matrix = Nd4j.arange(12).castTo(DataType.FLOAT).reshape(3, 4);
            assertArrayEquals(new float[]{12, 15, 18, 21}, matrix.sum(0).toFloatVector());
            assertArrayEquals(new float[]{6, 22, 38}, matrix.sum(1).toFloatVector());
            matrix.addiRowVector(Nd4j.createFromArray(1f, 2f, 3f, 4f));
            assertArrayEquals(new float[]{5, 7, 9, 11}, matrix.getRow(1).toFloatVector());
            matrix.muliColumnVector(Nd4j.createFromArray(1f, 0f, 2f).reshape(3, 1));
            assertArrayEquals(new float[]{0, 0, 0, 0}, matrix.getRow(1).toFloatVector());
            assertArrayEquals(new float[]{18, 22, 26, 30}, matrix.getRow(2).toFloatVector());
            assertEquals(3, Nd4j.argMax(matrix, 1).getInt(2));
        }
    }

    @Test
    void theCacheStopsGrowingAtItsLimit() {
        TadCache cache = new TadCache(2);
        for (int rows = 1; rows <= 5; rows++) {
            cache.getTADOnlyShapeInfo(Nd4j.create(DataType.FLOAT, rows, 2), new int[]{1});
        }
        assertEquals(2, cache.size());
        INDArray beyond = Nd4j.create(DataType.FLOAT, 5, 2);
        assertNotSame(cache.getTADOnlyShapeInfo(beyond, new int[]{1}), cache.getTADOnlyShapeInfo(beyond, new int[]{1}));
    }
}
