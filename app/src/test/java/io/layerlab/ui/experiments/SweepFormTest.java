package io.layerlab.ui.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The sweep form reads learning rates as a list or a log range, and says what is wrong with bad entries. */
class SweepFormTest {
    @Test
    void aListOfRatesIsReadAsWritten() {
        assertThat(ExperimentsViewModel.parseRates("0.001, 0.01 ;0.1  1")).containsExactly(0.001, 0.01, 0.1, 1.0);
    }

    @Test
    void aLogRangeGivesEvenlySpacedDecades() {
        assertThat(ExperimentsViewModel.parseRates("log 1e-4 .. 1 x 5")).containsExactly(1e-4, 1e-3, 1e-2, 0.1, 1.0);
        assertThat(ExperimentsViewModel.parseRates("log 0.001 to 0.1 × 3")).containsExactly(0.001, 0.01, 0.1);
    }

    @Test
    void badEntriesNameTheValueAndWhatWouldBeValid() {
        assertThatThrownBy(() -> ExperimentsViewModel.parseRates("0.1, fast"))
                .hasMessage("learning rate \"fast\" is not a number (e.g. 0.01 or 1e-3)");
        assertThatThrownBy(() -> ExperimentsViewModel.parseRates(" ")).hasMessageContaining("log 1e-4 .. 1 x 5");
        assertThatThrownBy(() -> ExperimentsViewModel.parseBatches("32, 6.5"))
                .hasMessage("Batch size \"6.5\" is not a whole number (e.g. 16, 32, 64)");
    }

    @Test
    void aTargetLossIsOptionalAndAboveZero() {
        assertThat(ExperimentsViewModel.parseTargetLoss("  ")).isNull();
        assertThat(ExperimentsViewModel.parseTargetLoss(" 0.05 ")).isEqualTo(0.05);
        assertThatThrownBy(() -> ExperimentsViewModel.parseTargetLoss("low"))
                .hasMessage("the target loss \"low\" is not a number (e.g. 0.01 or 1e-3)");
        assertThatThrownBy(() -> ExperimentsViewModel.parseTargetLoss("0"))
                .hasMessage("the target loss must be a number above 0 (e.g. 0.1), or empty for none; was 0");
    }
}
