package io.layerlab.train;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationMeasureTest {

    @Test
    void severalClassesCountTheLargestOutput() {
        var labels = Nd4j.create(new float[][]{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}});
        var output = Nd4j.create(new float[][]{{0.7f, 0.2f, 0.1f}, {0.5f, 0.4f, 0.1f}, {0.1f, 0.1f, 0.8f}, {0.3f, 0.3f, 0.4f}});
        assertThat(ValidationMeasure.hits(labels, output, null)).containsExactly(3, 4);
    }

    @Test
    void oneSigmoidOutputPredictsPositiveAboveOneHalf() {
        var labels = Nd4j.create(new float[][]{{1}, {0}, {1}, {0}});
        var output = Nd4j.create(new float[][]{{0.9f}, {0.2f}, {0.4f}, {0.6f}});
        assertThat(ValidationMeasure.hits(labels, output, null)).containsExactly(2, 4);
    }

    @Test
    void sequencesCountEveryMaskedInTimeStep() {
        // [batch 1, classes 2, time 3]; the last step is masked out and would be wrong.
        var labels = Nd4j.create(new float[]{1, 0, 1, 0, 1, 0}, 1, 2, 3);
        var output = Nd4j.create(new float[]{0.9f, 0.2f, 0.4f, 0.1f, 0.8f, 0.6f}, 1, 2, 3);
        var mask = Nd4j.create(new float[]{1, 1, 0}, 1, 3);
        assertThat(ValidationMeasure.hits(labels, output, mask)).containsExactly(2, 2);
        assertThat(ValidationMeasure.hits(labels, output, null)).containsExactly(2, 3);
    }
}
