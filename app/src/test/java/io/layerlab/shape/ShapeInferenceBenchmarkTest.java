package io.layerlab.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The benchmark's bookkeeping, not its speed: speed is reported by the bench command. */
class ShapeInferenceBenchmarkTest {
    @Test
    void reportsTheGraphItTimedAndAPositiveMedian() {
        ShapeInferenceBenchmark.Result r = ShapeInferenceBenchmark.measureLayered(50, 1, 2, 3);
        assertThat(r.nodes()).isEqualTo(SyntheticGraphs.layered(50, 1).size());
        assertThat(r.wires()).isEqualTo(SyntheticGraphs.layered(50, 1).edges().size());
        assertThat(r.runs()).isEqualTo(3);
        assertThat(r.medianNanos()).isPositive();
        assertThat(r.toString()).contains("nodes", "ms per pass", "median of 3");
    }

    @Test
    void refusesNoTimedRunsOrNegativeWarmUps() {
        assertThatThrownBy(() -> ShapeInferenceBenchmark.measure(SyntheticGraphs.layered(10, 1), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ShapeInferenceBenchmark.measure(SyntheticGraphs.layered(10, 1), -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
