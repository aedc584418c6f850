package io.layerlab.ui.training;

import io.layerlab.train.EpochEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunCurvesTest {
    @Test
    void theSmoothedLossStartsAtTheFirstLossAndFollowsALevelWithoutLag() {
        RunCurves curves = new RunCurves();
        curves.addIterations(new float[]{2, 2, 2, 2}, 4);
        assertThat(curves.smoothedLoss(0)).isEqualTo(2f);
        assertThat(curves.smoothedLoss(3)).isCloseTo(2f, within(1e-6f));

        curves.addIteration(Float.NaN);
        curves.addIteration(12);
        assertThat(curves.smoothedLoss(4)).isCloseTo(2f, within(1e-6f));
        // After a jump the average moves a tenth of the way (debiased over 5 finite values).
        double weight = 0.1 / (1 - Math.pow(0.9, 5));
        assertThat((double) curves.smoothedLoss(5)).isCloseTo(2 + 10 * weight, within(1e-5));
    }

    @Test
    void epochsRecordTheirLossesAndTheBestEpoch() {
        RunCurves curves = new RunCurves();
        curves.addEpoch(new EpochEvent(1, 10, 0.9, 0.8, 0.5, 0.01, 100, 1, true));
        curves.addEpoch(new EpochEvent(2, 20, 0.7, 0.85, 0.55, 0.01, 100, 2, false));

        assertThat(curves.epochs()).isEqualTo(2);
        assertThat(curves.bestEpoch()).isEqualTo(1);
        assertThat(curves.selectionLoss(0)).isEqualTo(0.8);
        assertThat(curves.hasAccuracy()).isTrue();
        assertThat(curves.valAccuracy(1)).isEqualTo(0.55);
    }
}
