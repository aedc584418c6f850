package io.layerlab.ui.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class RateColourTest {

    @Test
    void everyRatesLineStandsOutFromTheWhitePlot() {
        for (int count = 1; count <= 9; count++) {
            for (int index = 0; index < count; index++) {
                Color colour = ExperimentsView.rateColour(index, count);
                assertThat(ExperimentsView.contrastOnWhite(colour)).as("rate %d of %d: %s", index + 1, count, colour)
                        .isGreaterThanOrEqualTo(ExperimentsView.LEAST_LINE_CONTRAST);
            }
        }
    }

    @Test
    void ratesRunFromBlueToRedInOrder() {
        double lastHue = Double.POSITIVE_INFINITY;
        for (int index = 0; index < 5; index++) {
            double hue = ExperimentsView.rateColour(index, 5).getHue();
            assertThat(hue).as("rate %d", index + 1).isLessThan(lastHue);
            lastHue = hue;
        }
        assertThat(ExperimentsView.rateColour(0, 5).getHue()).isCloseTo(220, org.assertj.core.data.Offset.offset(1.0));
        assertThat(ExperimentsView.rateColour(4, 5).getHue()).isCloseTo(0, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void contrastIsWcagsRatio() {
        assertThat(ExperimentsView.contrastOnWhite(Color.BLACK)).isCloseTo(21, org.assertj.core.data.Offset.offset(0.01));
        assertThat(ExperimentsView.contrastOnWhite(Color.WHITE)).isCloseTo(1, org.assertj.core.data.Offset.offset(0.01));
        assertThat(ExperimentsView.contrastOnWhite(Color.web("#767676"))).as("the web's grey of 4.5:1").isCloseTo(4.54, org.assertj.core.data.Offset.offset(0.02));
    }
}
