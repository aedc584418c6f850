package io.layerlab.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FeatureSoftmaxTest {

    @Test
    void eachPixelsChannelsSumToOne() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 3, 2, 4).muli(4).subi(2);

        INDArray y = new FeatureSoftmax().getActivation(x.dup(), false);

        INDArray sums = y.sum(1);
        for (int i = 0; i < sums.length(); i++) assertThat(sums.getDouble(i)).isCloseTo(1.0, within(1e-9));
        assertThat(y.getDouble(0, 0, 1, 2)).isCloseTo(softmaxAt(x, 0, 1, 2, 0), within(1e-9));
    }

    @Test
    void gradientMatchesFiniteDifferencesOnASequence() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, 3, 2).muli(2).subi(1);
        INDArray weights = Nd4j.rand(DataType.DOUBLE, 1, 3, 2);

        INDArray analytic = new FeatureSoftmax().backprop(x.dup(), weights.dup()).getFirst();

        double h = 1e-6;
        for (int i = 0; i < x.length(); i++) {
            INDArray up = x.dup();
            up.putScalar(i, x.getDouble(i) + h);
            INDArray down = x.dup();
            down.putScalar(i, x.getDouble(i) - h);
            double numeric = (loss(up, weights) - loss(down, weights)) / (2 * h);
            assertThat(analytic.getDouble(i)).as("d loss / d x[%d]", i).isCloseTo(numeric, within(1e-6));
        }
    }

    private static double loss(INDArray x, INDArray weights) {
        return new FeatureSoftmax().getActivation(x.dup(), false).mul(weights).sumNumber().doubleValue();
    }

    private static double softmaxAt(INDArray x, int b, int h, int w, int c) {
        double sum = 0;
        for (int k = 0; k < x.size(1); k++) sum += Math.exp(x.getDouble(b, k, h, w));
        return Math.exp(x.getDouble(b, c, h, w)) / sum;
    }
}
