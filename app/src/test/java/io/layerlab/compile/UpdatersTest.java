package io.layerlab.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layerlab.train.TrainingSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

class UpdatersTest {

    @Test
    void eachOptimizerNameGivesItsUpdaterWithTheLearningRate() {
        assertThat(of("sgd")).isInstanceOf(Sgd.class);
        assertThat(of("momentum")).isEqualTo(new ClassicalMomentum(0.05, 0.9));
        assertThat(of("nesterov")).isInstanceOfSatisfying(Nesterovs.class, n -> assertThat(n.getMomentum()).isEqualTo(0.9));
        assertThat(of("adam")).isInstanceOf(Adam.class);
        assertThat(of("rmsprop")).isInstanceOf(RmsProp.class);
        for (String name : TrainingSpec.OPTIMIZERS) assertThat(of(name).getLearningRate(0, 0)).as(name).isEqualTo(0.05);
    }

    @Test
    void unknownOptimizerNamesTheValidOnes() {
        assertThatThrownBy(() -> of("adagrad"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown optimizer \"adagrad\"; must be one of: sgd, momentum, nesterov, adam, rmsprop");
    }

    @Test
    void learningRateMustBePositive() {
        assertThatThrownBy(() -> Updaters.of(TrainingSpec.defaults().withLearningRate(-1)))
                .hasMessageContaining("learning rate must be a positive number");
        assertThatThrownBy(() -> Updaters.of(TrainingSpec.defaults().withLearningRate(Double.NaN)))
                .hasMessageContaining("learning rate");
    }

    @Test
    void classicalMomentumAccumulatesVelocityWithoutLookingAhead() {
        ClassicalMomentum config = new ClassicalMomentum(0.1, 0.9);
        INDArray state = Nd4j.zeros(1, 2);
        GradientUpdater<?> updater = config.instantiate(state, true);

        INDArray g1 = Nd4j.createFromArray(new float[][] {{1f, -2f}});
        updater.applyUpdater(g1, 0, 0);
        INDArray g2 = Nd4j.createFromArray(new float[][] {{1f, -2f}});
        updater.applyUpdater(g2, 1, 0);

        // v1 = lr*g = [0.1, -0.2]; v2 = 0.9*v1 + lr*g = [0.19, -0.38]; the update subtracted from the weights is v.
        assertThat(g1.getDouble(0, 0)).isCloseTo(0.1, within(1e-6));
        assertThat(g2.getDouble(0, 0)).isCloseTo(0.19, within(1e-6));
        assertThat(g2.getDouble(0, 1)).isCloseTo(-0.38, within(1e-6));
        assertThat(state.getDouble(0, 1)).as("velocity lives in DL4J's state view").isCloseTo(-0.38, within(1e-6));
    }

    private static IUpdater of(String name) {
        return Updaters.of(new TrainingSpec(name, 0.05, 8, 1, false, 1));
    }
}
