package io.layerlab.compile;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The perceptron's step function: 1 where the input is positive, else 0. Its slope is zero
 * everywhere (and undefined at 0), so backpropagation passes no gradient through it; that is
 * the lesson the catalog's "step" activation teaches, not a defect.
 *
 * <p>Stateless, so DL4J's JSON writes it as just its class name and reads it back equal.
 */
public final class StepActivation extends BaseActivationFunction {

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        // gt() gives a boolean array; cast back to the input's type and write in place, as DL4J's activations do.
        return in.assign(in.gt(0.0).castTo(in.dataType()));
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        return new Pair<>(Nd4j.zerosLike(in), null);
    }

    @Override public boolean equals(Object o) { return o instanceof StepActivation; }

    @Override public int hashCode() { return StepActivation.class.hashCode(); }

    @Override public String toString() { return "step"; }
}
