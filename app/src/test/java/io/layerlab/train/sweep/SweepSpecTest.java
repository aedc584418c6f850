package io.layerlab.train.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepSpecTest {

    @Test
    void aLogRangeSpacesRatesEvenlyByDecadeAndEndsExactly() {
        assertThat(LearningRates.logRange(1e-4, 1, 5)).containsExactly(1e-4, 1e-3, 1e-2, 0.1, 1.0);
        assertThat(LearningRates.logRange(0.001, 0.1, 3)).containsExactly(0.001, 0.01, 0.1);
        assertThat(LearningRates.logRange(0.01, 0.1, 2)).containsExactly(0.01, 0.1);
        assertThat(LearningRates.logRange(0.05, 0.05, 1)).containsExactly(0.05);
    }

    @Test
    void aLogRangeRefusesWhatHasNoRatesWithAReason() {
        assertThatThrownBy(() -> LearningRates.logRange(0, 1, 3)).hasMessageContaining("start above 0");
        assertThatThrownBy(() -> LearningRates.logRange(1e-3, -1, 3)).hasMessageContaining("end above 0");
        assertThatThrownBy(() -> LearningRates.logRange(1e-3, 1, 0)).hasMessageContaining("count of at least 1");
        assertThatThrownBy(() -> LearningRates.logRange(0.1, 0.1, 3)).hasMessageContaining("holds one rate, not 3");
    }

    @Test
    void ratesAreWrittenPlainlyAndSmallOnesAsPowersOfTen() {
        assertThat(LearningRates.format(0.01)).isEqualTo("0.01");
        assertThat(LearningRates.format(10)).isEqualTo("10");
        assertThat(LearningRates.format(1e-5)).isEqualTo("1e-5");
        assertThat(LearningRates.format(3.2e-6)).isEqualTo("3.2e-6");
        assertThat(LearningRates.format(0.0001)).isEqualTo("0.0001");
        assertThat(LearningRates.format(0.090142, 2)).isEqualTo("0.09");
    }

    @Test
    void countsCombinationsOverEveryVariedSettingAndRepeats() {
        SweepSpec spec = SweepSpec.of(List.of(0.001, 0.01, 0.1), List.of(8, 32))
                .withOptimizers(List.of("adam", "sgd"))
                .withActivation(new ActivationChoice("tanh", List.of("tanh", "relu")))
                .withRepeats(3);
        assertThat(spec.combinations()).isEqualTo(3 * 2 * 2 * 2);
        assertThat(spec.runs()).isEqualTo(24 * 3);
    }

    @Test
    void invalidSettingsAreRefusedNamingTheValueAndWhatWouldBeValid() {
        assertThatThrownBy(() -> SweepSpec.of(List.of(), List.of(32)))
                .hasMessageContaining("list of learning rates is empty");
        assertThatThrownBy(() -> SweepSpec.of(List.of(0.01, 0.0), List.of(32)))
                .hasMessageContaining("learning rate 0.0 is not valid").hasMessageContaining("above 0");
        assertThatThrownBy(() -> SweepSpec.of(List.of(Double.NaN), List.of(32))).hasMessageContaining("NaN");
        assertThatThrownBy(() -> SweepSpec.of(List.of(0.01, 0.01), List.of(32))).hasMessageContaining("0.01 is listed twice");
        assertThatThrownBy(() -> SweepSpec.of(List.of(0.01), List.of())).hasMessageContaining("list of batch sizes is empty");
        assertThatThrownBy(() -> SweepSpec.of(List.of(0.01), List.of(0))).hasMessageContaining("batch size 0 is not valid");
        assertThatThrownBy(() -> SweepSpec.of(List.of(0.01), List.of(32)).withOptimizers(List.of("adamw")))
                .hasMessageContaining("unknown optimizer \"adamw\"").hasMessageContaining("sgd, momentum, nesterov, adam, rmsprop");
        assertThatThrownBy(() -> SweepSpec.of(List.of(0.01), List.of(32)).withRepeats(0))
                .hasMessageContaining("repeats must be between 1 and 100, was 0");
        assertThatThrownBy(() -> SweepSpec.of(List.of(0.01), List.of(32)).withEpochs(0)).hasMessageContaining("epochs must be at least 1");
        assertThatThrownBy(() -> SweepSpec.of(List.of(0.01), List.of(32)).withTargetLoss(-1.0))
                .hasMessageContaining("target loss must be a number above 0");
        assertThatThrownBy(() -> new ActivationChoice("hidden", List.of())).hasMessageContaining("'hidden'")
                .hasMessageContaining("list of functions is empty");
        assertThatThrownBy(() -> SweepSpec.of(LearningRates.logRange(1e-5, 1, 40), List.of(8, 16, 32, 64, 128)).withRepeats(10))
                .hasMessageContaining("2000 networks").hasMessageContaining("limit of 1000");
    }
}
