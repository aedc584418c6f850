package io.layerlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The designer's warm-up really trains: the XOR sample, a few epochs, to the end. */
class TrainingWarmUpTest {
    @Test
    void trainsTheXorSampleForAFewEpochs() {
        TrainingResult result = TrainingWarmUp.run();

        assertThat(result).as("the warm-up ran").isNotNull();
        assertThat(result.epochs()).isEqualTo(TrainingWarmUp.EPOCHS);
        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.trainLoss()).isFinite().isPositive();
    }
}
