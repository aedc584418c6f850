package io.layerlab.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LearningRateAdviceTest {

    @Test
    void suggestsAHundredthCappedAtTheOptimizersUsualRange() {
        assertThat(LearningRateAdvice.suggestedRate("adam", 0.5)).isEqualTo(0.005);
        assertThat(LearningRateAdvice.suggestedRate("adam", 5.0)).isEqualTo(0.01);
        assertThat(LearningRateAdvice.suggestedRate("sgd", 5.0)).isEqualTo(0.05);
        assertThat(LearningRateAdvice.suggestedRate("sgd", 50)).isEqualTo(0.1);
        assertThat(LearningRateAdvice.suggestedRate("rmsprop", 0.37)).isEqualTo(0.004);
    }

    @Test
    void adviceNamesTheRateAndTheOptimizerInPlainWords() {
        assertThat(LearningRateAdvice.advice("adam", 5.0)).isEqualTo("learning rate 5 is probably too high for Adam; try 0.01.");
        assertThat(LearningRateAdvice.advice("nesterov", 2)).isEqualTo(
                "learning rate 2 is probably too high for SGD with Nesterov momentum; try 0.02.");
    }

    @Test
    void theGuardReportsNanInfinityAndGrowth() {
        DivergenceGuard nan = new DivergenceGuard("adam", 5.0);
        assertThat(nan.check(1, 0.7)).isNull();
        assertThat(nan.check(2, Double.NaN)).isEqualTo(
                "The loss became NaN at iteration 2: learning rate 5 is probably too high for Adam; try 0.01.");

        DivergenceGuard infinite = new DivergenceGuard("sgd", 3);
        assertThat(infinite.check(1, Double.POSITIVE_INFINITY)).startsWith("The loss became infinite at iteration 1:");

        DivergenceGuard growth = new DivergenceGuard("sgd", 3);
        assertThat(growth.check(1, 1.0)).isNull();
        assertThat(growth.check(2, 3.0)).isNull();
        assertThat(growth.check(3, 2.0)).isNull();
        assertThat(growth.check(4, 9.9)).isNull(); // start = the first iteration's loss, 1: the limit is 10
        assertThat(growth.check(5, 10.5)).isEqualTo("The loss grew to 10.5 at iteration 5, more than ten times its "
                + "starting value 1: learning rate 3 is probably too high for SGD; try 0.03.");
    }
}
