package io.layerlab.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.train.LayerStats;
import io.layerlab.ui.canvas.LayerGauges.Gauge;
import io.layerlab.ui.canvas.LayerGauges.Level;
import io.layerlab.ui.canvas.LayerGauges.Measure;
import org.junit.jupiter.api.Test;

/** What a layer's statistics mean as gauges: which measures show, and where healthy ends. */
class LayerGaugesTest {
    private static LayerGauges gauges(String activation, double gradient, double dead, double saturated, double update) {
        return LayerGauges.of(new LayerStats("h", activation, gradient, dead, saturated, update));
    }

    private static Gauge gauge(LayerGauges g, Measure m) {
        return g.gauges().stream().filter(x -> x.measure() == m).findFirst().orElseThrow();
    }

    @Test
    void onlyTheMeasuresALayerHasAreShownInAFixedOrder() {
        assertThat(gauges("relu", 1e-3, 0.1, Double.NaN, 1e-3).measures())
                .containsExactly(Measure.GRADIENT, Measure.DEAD_UNITS, Measure.UPDATE_RATIO);
        assertThat(gauges("tanh", 1e-3, Double.NaN, 0.1, 1e-3).measures())
                .containsExactly(Measure.GRADIENT, Measure.SATURATION, Measure.UPDATE_RATIO);
        assertThat(gauges("relu", Double.NaN, 0.3, Double.NaN, Double.NaN).measures())
                .as("a standalone ReLU has no weights").containsExactly(Measure.DEAD_UNITS);
        assertThat(gauges(null, Double.NaN, Double.NaN, Double.NaN, Double.NaN).isEmpty()).isTrue();
    }

    @Test
    void aHealthyLayerIsHealthyEverywhere() {
        LayerGauges g = gauges("relu", 2e-3, 0.05, Double.NaN, 1e-3);
        assertThat(g.gauges()).extracting(Gauge::level).containsOnly(Level.HEALTHY);
        assertThat(g.worst()).isEqualTo(Level.HEALTHY);
    }

    @Test
    void aVanishingGradientIsAWarningAndASmallOneACaution() {
        assertThat(gauge(gauges("sigmoid", 3e-8, Double.NaN, 0.1, 1e-3), Measure.GRADIENT).level()).isEqualTo(Level.WARNING);
        assertThat(gauge(gauges("sigmoid", 3e-6, Double.NaN, 0.1, 1e-3), Measure.GRADIENT).level()).isEqualTo(Level.CAUTION);
        assertThat(gauge(gauges("sigmoid", 3e-8, Double.NaN, 0.1, 1e-3), Measure.GRADIENT).reading()).contains("vanished");
    }

    @Test
    void deadAndSaturatedUnitsWarnFromHalfAndCautionFromAFifth() {
        assertThat(gauge(gauges("relu", 1e-3, 0.6, Double.NaN, 1e-3), Measure.DEAD_UNITS).level()).isEqualTo(Level.WARNING);
        assertThat(gauge(gauges("relu", 1e-3, 0.25, Double.NaN, 1e-3), Measure.DEAD_UNITS).level()).isEqualTo(Level.CAUTION);
        assertThat(gauge(gauges("tanh", 1e-3, Double.NaN, 0.5, 1e-3), Measure.SATURATION).level()).isEqualTo(Level.WARNING);
        Gauge dead = gauge(gauges("relu", 1e-3, 0.6, Double.NaN, 1e-3), Measure.DEAD_UNITS);
        assertThat(dead.text()).isEqualTo("60%");
        assertThat(dead.fill()).isEqualTo(0.6);
    }

    @Test
    void updateRatiosFarFromAThousandthWarnOnBothSides() {
        assertThat(gauge(gauges(null, 1e-3, Double.NaN, Double.NaN, 0.3), Measure.UPDATE_RATIO).level()).isEqualTo(Level.WARNING);
        assertThat(gauge(gauges(null, 1e-3, Double.NaN, Double.NaN, 0.03), Measure.UPDATE_RATIO).level()).isEqualTo(Level.CAUTION);
        assertThat(gauge(gauges(null, 1e-3, Double.NaN, Double.NaN, 5e-5), Measure.UPDATE_RATIO).level()).isEqualTo(Level.CAUTION);
        assertThat(gauge(gauges(null, 1e-3, Double.NaN, Double.NaN, 1e-8), Measure.UPDATE_RATIO).level()).isEqualTo(Level.WARNING);
        assertThat(gauge(gauges(null, 1e-3, Double.NaN, Double.NaN, 0.3), Measure.UPDATE_RATIO).reading()).contains("too high");
        assertThat(gauge(gauges(null, 1e-3, Double.NaN, Double.NaN, 1e-8), Measure.UPDATE_RATIO).reading()).contains("too low");
    }

    @Test
    void logarithmicFillsGrowWithTheValueAndStayInTheBar() {
        double small = gauge(gauges(null, 1e-7, Double.NaN, Double.NaN, 1e-3), Measure.GRADIENT).fill();
        double large = gauge(gauges(null, 1e-2, Double.NaN, Double.NaN, 1e-3), Measure.GRADIENT).fill();
        assertThat(small).isLessThan(large).isGreaterThan(0);
        assertThat(gauge(gauges(null, 0, Double.NaN, Double.NaN, 1e-3), Measure.GRADIENT).fill()).isZero();
        assertThat(gauge(gauges(null, 40, Double.NaN, Double.NaN, 5), Measure.UPDATE_RATIO).fill()).isEqualTo(1);
    }

    @Test
    void theReadingNamesEveryMeasureWithItsValue() {
        String reading = gauges("relu", 2e-3, 0.6, Double.NaN, 1e-3).reading();
        assertThat(reading).contains("Mean |gradient| 2.0e-03").contains("Dead ReLUs 60%").contains("Update / weight 1.0e-03")
                .contains("LeakyReLU");
    }
}
