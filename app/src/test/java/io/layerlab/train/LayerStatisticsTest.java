package io.layerlab.train;

import io.layerlab.compile.CompiledModel;
import io.layerlab.compile.GraphCompiler;
import io.layerlab.data.Task;
import io.layerlab.graph.Graph;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LayerStatisticsTest {
    /** Trains {@code graph} for {@code iterations} minibatches of 16 and returns every sample taken. */
    private static List<LayerStatsEvent> sample(Graph graph, TrainingSpec spec, ObserverRate rate,
                                                java.util.function.Consumer<ComputationGraph> prepare, int iterations) {
        CompiledModel model = GraphCompiler.compile(graph, spec);
        ComputationGraph net = model.newNetwork();
        prepare.accept(net);
        List<LayerStatsEvent> events = new ArrayList<>();
        LayerStatistics.attach(net, model, graph, rate, 1.0, events::add);
        DataSet data = TinyProblems.xor(16 * iterations, 5);
        new Trainer(net, TinyProblems.batches(data, 16), spec.withEpochs(1), Task.CLASSIFICATION).run();
        return events;
    }

    private static List<LayerStatsEvent> firstIteration(Graph graph, TrainingSpec spec) {
        return sample(graph, spec, ObserverRate.everyIteration(), net -> { }, 1);
    }

    private static Graph deepStack(String activation) {
        TestGraphs g = TestGraphs.chain(2);
        for (int i = 1; i <= 6; i++) {
            g.dense("d" + i, 16, activation);
        }
        return g.output(2);
    }

    @Test
    void aDeepSigmoidStackHasMuchSmallerGradientsInItsEarlyLayersThanAReluStack() {
        TrainingSpec sgd = new TrainingSpec("sgd", 0.1, 16, 1, false, 42);
        LayerStatsEvent sigmoid = firstIteration(deepStack("sigmoid"), sgd).get(0);
        LayerStatsEvent relu = firstIteration(deepStack("relu"), sgd).get(0);
        LayerStats sigmoidFirst = sigmoid.layer("d1");
        LayerStats sigmoidLast = sigmoid.layer("d6");
        LayerStats reluFirst = relu.layer("d1");
        LayerStats reluLast = relu.layer("d6");

        double sigmoidDecay = sigmoidFirst.meanAbsGradient() / sigmoidLast.meanAbsGradient();
        double reluDecay = reluFirst.meanAbsGradient() / reluLast.meanAbsGradient();
        // Each sigmoid passes back at most a quarter of the gradient: five of them shrink it a thousandfold.
        assertThat(sigmoidDecay).isLessThan(0.05);
        assertThat(sigmoidDecay).isLessThan(reluDecay / 10);
        assertThat(sigmoidFirst.meanAbsGradient()).isPositive();
    }

    @Test
    void aReluLayerWithALargeNegativeBiasIsMostlyDead() {
        Graph graph = TestGraphs.chain(2).dense("hidden", 32, "relu").output(2);
        TrainingSpec spec = new TrainingSpec("sgd", 0.01, 16, 1, false, 42);

        LayerStats healthy = sample(graph, spec, ObserverRate.everyIteration(), net -> { }, 1).get(0).layer("hidden");
        LayerStats killed = sample(graph, spec, ObserverRate.everyIteration(),
                net -> net.getVertex("hidden").getLayer().getParam("b").assign(-100), 1).get(0).layer("hidden");

        assertThat(healthy.deadFraction()).isLessThan(0.5);
        assertThat(killed.deadFraction()).isGreaterThanOrEqualTo(0.9);
        assertThat(killed.saturatedFraction()).isNaN();
    }

    @Test
    void tanhUnitsFedLargeInputsAreSaturated() {
        Graph graph = TestGraphs.chain(2).dense("hidden", 16, "tanh").output(2);
        TrainingSpec spec = new TrainingSpec("sgd", 0.01, 16, 1, false, 42);

        LayerStats normal = sample(graph, spec, ObserverRate.everyIteration(), net -> { }, 1).get(0).layer("hidden");
        LayerStats saturated = sample(graph, spec, ObserverRate.everyIteration(),
                net -> net.getVertex("hidden").getLayer().getParam("W").muli(1000), 1).get(0).layer("hidden");

        assertThat(normal.saturatedFraction()).isLessThan(0.2);
        assertThat(saturated.saturatedFraction()).isGreaterThan(0.8);
        assertThat(saturated.deadFraction()).isNaN();
    }

    @Test
    void theUpdateRatioGrowsWithTheLearningRate() {
        Graph graph = TestGraphs.chain(2).dense("hidden", 8, "tanh").output(2);
        LayerStats slow = firstIteration(graph, new TrainingSpec("sgd", 0.01, 16, 1, false, 42)).get(0).layer("hidden");
        LayerStats fast = firstIteration(graph, new TrainingSpec("sgd", 0.1, 16, 1, false, 42)).get(0).layer("hidden");

        // Plain SGD steps by rate × gradient, and the first gradient is the same for both.
        assertThat(fast.updateRatio() / slow.updateRatio()).isCloseTo(10.0, within(0.1));
        assertThat(fast.meanAbsGradient()).isCloseTo(slow.meanAbsGradient(), within(slow.meanAbsGradient() * 1e-4));
    }

    @Test
    void samplesOnlyTheIterationsItsRateAdmitsAndNamesEveryLayerWithParametersOrAWatchedActivation() {
        Graph graph = TestGraphs.chain(2).dense("hidden", 8, "relu").then("drop", "Dropout", "rate", 0.1)
                .then("act", "Activation", "function", "sigmoid").output(2);
        List<LayerStatsEvent> events = sample(graph, new TrainingSpec("adam", 0.01, 16, 1, false, 42),
                ObserverRate.everyIterations(3), net -> { }, 10);

        assertThat(events).extracting(LayerStatsEvent::iteration).containsExactly(3, 6, 9);
        LayerStatsEvent event = events.get(0);
        assertThat(event.layers()).extracting(LayerStats::nodeId).containsExactly("hidden", "act", "out");
        assertThat(event.layer("act").meanAbsGradient()).isNaN();
        assertThat(event.layer("act").saturatedFraction()).isBetween(0.0, 1.0);
        assertThat(event.layer("out").updateRatio()).isPositive();
        assertThat(event.layer("out").deadFraction()).isNaN();
        assertThat(event.epoch()).isEqualTo(1);
    }

    @Test
    void deadUnitsAreCountedPerChannelAcrossExamplesAndPositions() {
        // 2 examples, 3 channels, 2 positions: channel 1 is zero everywhere, channel 2 fires once.
        float[] values = {
                1, 2, 0, 0, 0, 0,
                3, 0, 0, 0, 0, 5};
        assertThat(LayerStatistics.deadFraction(values, new long[]{2, 3, 2})).isCloseTo(1.0 / 3, within(1e-9));
    }
}
