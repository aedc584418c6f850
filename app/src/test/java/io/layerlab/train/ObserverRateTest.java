package io.layerlab.train;

import io.layerlab.data.Task;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObserverRateTest {

    /** Records what it was sent. */
    private static final class Recorder implements TrainingObserver {
        final List<Integer> iterations = new ArrayList<>();
        final List<Integer> epochs = new ArrayList<>();
        int starts;
        int finishes;

        @Override
        public void onStart(StartEvent event) {
            starts++;
        }

        @Override
        public void onIteration(IterationEvent event) {
            iterations.add(event.iteration());
        }

        @Override
        public void onEpoch(EpochEvent event) {
            epochs.add(event.epoch());
        }

        @Override
        public void onFinished(TrainingResult result) {
            finishes++;
        }
    }

    @Test
    void eachObserverGetsIterationsAtItsOwnRateAndEveryEpoch() {
        DataSet train = TinyProblems.xor(60, 1);
        ComputationGraph net = TinyProblems.classifier(7, TinyProblems.adam(0.05));
        Recorder everything = new Recorder();
        Recorder everyFourth = new Recorder();
        Recorder epochsOnly = new Recorder();

        new Trainer(net, TinyProblems.batches(train, 10), TinyProblems.spec("adam", 0.05, 3), Task.CLASSIFICATION)
                .addObserver(everything, ObserverRate.everyIteration())
                .addObserver(everyFourth, ObserverRate.everyIterations(4))
                .addObserver(epochsOnly, ObserverRate.epochsOnly())
                .run();

        assertThat(everything.iterations).hasSize(18).startsWith(1, 2, 3).endsWith(18);
        assertThat(everyFourth.iterations).containsExactly(4, 8, 12, 16);
        assertThat(epochsOnly.iterations).isEmpty();
        for (Recorder r : List.of(everything, everyFourth, epochsOnly)) {
            assertThat(r.epochs).containsExactly(1, 2, 3);
            assertThat(r.starts).isEqualTo(1);
            assertThat(r.finishes).isEqualTo(1);
        }
    }

    @Test
    void aTimeLimitedThrottleLetsThroughAtMostOneIterationPerInterval() {
        Throttle throttle = new Throttle(ObserverRate.atMostEvery(Duration.ofMillis(100)));
        long ms = 1_000_000;

        assertThat(throttle.admit(1, 0)).isTrue();
        assertThat(throttle.admit(2, 40 * ms)).isFalse();
        assertThat(throttle.admit(3, 99 * ms)).isFalse();
        assertThat(throttle.admit(4, 100 * ms)).isTrue();
        assertThat(throttle.admit(5, 150 * ms)).isFalse();
        assertThat(throttle.admit(6, 260 * ms)).isTrue();
    }

    @Test
    void countAndTimeLimitsCombine() {
        Throttle throttle = new Throttle(ObserverRate.everyIterations(10).atMostEveryAlso(Duration.ofSeconds(1)));
        long s = 1_000_000_000;

        assertThat(throttle.admit(5, 0)).isFalse();
        assertThat(throttle.admit(10, 0)).isTrue();
        assertThat(throttle.admit(20, s / 2)).isFalse();
        assertThat(throttle.admit(25, 2 * s)).isFalse();
        assertThat(throttle.admit(30, 2 * s)).isTrue();
    }

    @Test
    void nonsenseRatesAreRefusedWithTheValueGiven() {
        assertThatThrownBy(() -> ObserverRate.everyIterations(0)).hasMessageContaining("was 0");
        assertThatThrownBy(() -> new ObserverRate(-1, 0)).hasMessageContaining("was -1");
        assertThatThrownBy(() -> ObserverRate.atMostEvery(Duration.ofMillis(-5))).hasMessageContaining("negative");
    }
}
