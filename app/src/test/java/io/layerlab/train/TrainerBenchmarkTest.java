package io.layerlab.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainerBenchmarkTest {

    @Test
    void theRatioIsTheMedianOfPairedRoundsSoOneDisturbedPairDoesNotSkewIt() {
        double[] plain = {1000, 1000, 400, 1000, 1000};
        double[] ours = {1010, 990, 1000, 1000, 1020};
        var result = new TrainerBenchmark.Result(new TrainerBenchmark.Figures(1000), new TrainerBenchmark.Figures(1000),
                plain, ours, TrainerBenchmark.Settings.quick());

        assertThat(result.ratio()).isEqualTo(1.01);
        assertThat(result.lines()).last().isEqualTo("ratio=1.01");
        assertThat(result.lines()).contains("pair ratios: middle half 1.00 to 1.02 over 5 pairs");
    }

    @Test
    void gflopsCountSixFlopsPerMultiplyAddOfTheMlp() {
        assertThat(TrainerBenchmark.MACS_PER_SAMPLE).isEqualTo(784 * 512 + 512 * 512 + 512 * 10);
        assertThat(new TrainerBenchmark.Figures(1000).gflopsPerSecond()).isEqualTo(6L * 668_672 * 1000 / 1e9);
    }

    @Test
    void settingsRefuseEmptyRuns() {
        assertThatThrownBy(() -> new TrainerBenchmark.Settings(0, 1, 0, 1)).hasMessageContaining("batchesPerRound >= 1");
    }
}
