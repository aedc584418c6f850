package io.layerlab.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryEstimateTest {
    /** in [2] → Dense 8 → Output 2: 42 parameters, 2 + 8 + 2 = 12 activation values per example. */
    private final ShapeReport small = Graphs.create().node("in", "Input", "shape", List.of(2))
            .node("h", "Dense", "units", 8).node("out", "Output", "units", 2).chain("in", "h", "out").infer();

    @Test
    void weightsAreFloat32AndAdamKeepsTwoValuesPerWeight() {
        MemoryEstimate m = MemoryEstimate.of(small, 10, "adam");
        assertThat(m.weightBytes()).isEqualTo(42 * 4);
        assertThat(m.updaterBytes()).isEqualTo(42 * 4 * 2);
        assertThat(m.activationBytes()).isEqualTo(12 * 10 * 4 * 2);
        assertThat(m.total()).isEqualTo(42 * 4 * 3 + 12 * 10 * 4 * 2);
    }

    @Test
    void optimizerStateDependsOnTheOptimizer() {
        assertThat(MemoryEstimate.of(small, 1, "sgd").updaterBytes()).isZero();
        assertThat(MemoryEstimate.of(small, 1, "momentum").updaterBytes()).isEqualTo(42 * 4);
        assertThat(MemoryEstimate.of(small, 1, "nesterov").updaterBytes()).isEqualTo(42 * 4);
        assertThat(MemoryEstimate.of(small, 1, "rmsprop").updaterBytes()).isEqualTo(42 * 4);
    }

    @Test
    void activationsGrowWithTheBatch() {
        assertThat(MemoryEstimate.of(small, 64, "sgd").activationBytes())
                .isEqualTo(2 * MemoryEstimate.of(small, 32, "sgd").activationBytes());
    }

    @Test
    void anUnknownOptimizerOrABatchBelowOneIsRefusedWithTheValidValues() {
        assertThatThrownBy(() -> MemoryEstimate.of(small, 32, "adagrad"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'adagrad'").hasMessageContaining("sgd, momentum, nesterov, adam, rmsprop");
        assertThatThrownBy(() -> MemoryEstimate.of(small, 0, "adam"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void hugeNetworksSaturateInsteadOfOverflowing() {
        ShapeReport huge = Graphs.create().node("in", "Input", "shape", List.of(1_000_000, 1_000_000, 1_000_000)).infer();
        MemoryEstimate m = MemoryEstimate.of(huge, 1_000_000, "adam");
        assertThat(m.activationBytes()).isEqualTo(Long.MAX_VALUE);
        assertThat(m.total()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void sizesAreWrittenInDecimalUnitsWithOneDecimal() {
        assertThat(MemoryEstimate.format(0)).isEqualTo("0 B");
        assertThat(MemoryEstimate.format(999)).isEqualTo("999 B");
        assertThat(MemoryEstimate.format(1000)).isEqualTo("1.0 KB");
        assertThat(MemoryEstimate.format(12_345_678)).isEqualTo("12.3 MB");
        assertThat(MemoryEstimate.format(999_960)).isEqualTo("1.0 MB");
        assertThat(MemoryEstimate.format(12_000_000_000L)).isEqualTo("12.0 GB");
        assertThat(MemoryEstimate.format(Long.MAX_VALUE)).isEqualTo("9.2 EB");
    }
}
