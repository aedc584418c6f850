package io.layerlab.compile;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SoftmaxBp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Softmax over the features of each position: over the channels of every pixel of an image, over
 * the features of every step of a sequence (the last axis in LayerLab's [h, w, c] and [t, f], as in
 * Keras). DL4J's own softmax normalises the last array axis, which in its [batch, c, h, w] and
 * [batch, f, t] layouts is the image width or the time axis; this one uses axis 1 instead.
 * On a plain feature vector the two are the same.
 */
public final class FeatureSoftmax extends BaseActivationFunction {
    private static final int FEATURE_AXIS = 1;

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        Nd4j.getExecutioner().execAndReturn(new SoftMax(in, in, FEATURE_AXIS));
        return in;
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        Nd4j.getExecutioner().execAndReturn(new SoftmaxBp(in, epsilon, in, FEATURE_AXIS));
        return new Pair<>(in, null);
    }

    @Override public boolean equals(Object o) { return o instanceof FeatureSoftmax; }

    @Override public int hashCode() { return FeatureSoftmax.class.hashCode(); }

    @Override public String toString() { return "softmax over features"; }
}
