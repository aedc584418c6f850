package io.layerlab.compile;

import static io.layerlab.shape.TensorShape.features;
import static io.layerlab.shape.TensorShape.image;
import static io.layerlab.shape.TensorShape.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.Graph;
import io.layerlab.shape.TensorShape;
import io.layerlab.train.TrainingSpec;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * Each layer kind compiles, runs forward, and produces the output shape and parameter count the
 * team's agreed semantics promise. Networks are tiny: DL4J runs on two shared cores.
 */
class GraphCompilerForwardTest {
    private static final TrainingSpec TRAINING = new TrainingSpec("adam", 0.01, 4, 1, false, 7);

    @Test
    void denseStackWithDropoutBatchNormAndActivations() {
        Graph g = new Graphs().input("in", 4)
                .then("d", "Dense", "units", 8, "activation", "relu")
                .then("drop", "Dropout", "rate", 0.3)
                .then("bn", "BatchNormalization")
                .then("act", "Activation", "function", "leakyrelu", "alpha", 0.2)
                .then("gelu", "Activation", "function", "gelu")
                .then("step", "Activation", "function", "step")
                .then("flat", "Flatten")
                .then("out", "Output", "units", 3, "activation", "softmax", "loss", "mcxent")
                .build();

        Result r = run(g);

        assertThat(r.shapes).containsEntry("d", features(8)).containsEntry("drop", features(8)).containsEntry("bn", features(8))
                .containsEntry("act", features(8)).containsEntry("step", features(8)).containsEntry("flat", features(8))
                .containsEntry("out", features(3));
        assertThat(r.params("d")).isEqualTo(4 * 8 + 8);
        assertThat(r.params("drop")).isZero();
        assertThat(r.params("bn")).isEqualTo(4 * 8);
        assertThat(r.params("act")).isZero();
        assertThat(r.params("out")).isEqualTo(8 * 3 + 3);
    }

    @Test
    void preluOnLayersAndAsActivationLearnsOneSlopePerValue() {
        Graph g = new Graphs().input("in", 4)
                .then("d", "Dense", "units", 5, "activation", "prelu")
                .then("a", "Activation", "function", "prelu")
                .then("out", "Output", "units", 2, "activation", "prelu", "loss", "mse")
                .build();

        Result r = run(g);

        assertThat(r.model.verticesOf("d")).hasSize(2);
        assertThat(r.model.vertexOf("d")).isEqualTo("d");
        assertThat(r.shapes).containsEntry("d", features(5)).containsEntry("a", features(5)).containsEntry("out", features(2));
        assertThat(r.params("d")).isEqualTo(4 * 5 + 5 + 5);
        assertThat(r.params("a")).isEqualTo(5);
        assertThat(r.params("out")).isEqualTo(5 * 2 + 2 + 2);
    }

    @Test
    void convolutionPoolingAndGlobalAveragePooling() {
        Graph g = new Graphs().input("in", 9, 9, 2)
                .then("c1", "Conv2D", "filters", 3, "kernel", List.of(3, 3), "padding", "valid")
                .then("p1", "MaxPooling2D")
                .then("c2", "Conv2D", "filters", 4, "kernel", List.of(3, 3), "stride", List.of(2, 2), "padding", "same")
                .then("p2", "AveragePooling2D", "pool", List.of(2, 2), "stride", List.of(1, 1), "padding", "same")
                .then("gap", "GlobalAveragePooling2D")
                .then("out", "Output", "units", 2)
                .build();

        Result r = run(g);

        assertThat(r.shapes).containsEntry("c1", image(7, 7, 3)).containsEntry("p1", image(3, 3, 3))
                .containsEntry("c2", image(2, 2, 4)).containsEntry("p2", image(2, 2, 4))
                .containsEntry("gap", features(4)).containsEntry("out", features(2));
        assertThat(r.params("c1")).isEqualTo(3 * 3 * 2 * 3 + 3);
        assertThat(r.params("c2")).isEqualTo(3 * 3 * 3 * 4 + 4);
        assertThat(r.params("gap")).isZero();
    }

    @Test
    void flattenOfAnImageAfterConvolutionWithPreluAndBatchNorm() {
        Graph g = new Graphs().input("in", 6, 6, 1)
                .then("c", "Conv2D", "filters", 2, "kernel", List.of(2, 2), "stride", List.of(2, 2), "activation", "prelu")
                .then("bn", "BatchNormalization")
                .then("flat", "Flatten")
                .then("out", "Output", "units", 2)
                .build();

        Result r = run(g);

        assertThat(r.shapes).containsEntry("c", image(3, 3, 2)).containsEntry("bn", image(3, 3, 2))
                .containsEntry("flat", features(18));
        assertThat(r.params("c")).isEqualTo(2 * 2 * 1 * 2 + 2 + 3 * 3 * 2);
        assertThat(r.params("bn")).isEqualTo(4 * 2);
    }

    @Test
    void recurrentStackReturningSequencesThenLastStep() {
        Graph g = new Graphs().input("in", 5, 3)
                .then("lstm", "LSTM", "units", 4, "returnSequences", true)
                .then("rnn", "SimpleRNN", "units", 3, "returnSequences", false, "activation", "prelu")
                .then("d", "Dense", "units", 2)
                .then("out", "Output", "units", 2)
                .build();

        Result r = run(g);

        assertThat(r.shapes).containsEntry("lstm", sequence(5, 4)).containsEntry("rnn", features(3)).containsEntry("d", features(2));
        assertThat(r.params("lstm")).isEqualTo(4 * (3 * 4 + 4 * 4 + 4));
        assertThat(r.params("rnn")).isEqualTo(4 * 3 + 3 * 3 + 3 + 3);
    }

    @Test
    void sequenceOutputsAndFlattenOfASequenceKeepTimeInTheExample() {
        Graph g = new Graphs().input("in", 5, 3)
                .then("rnn", "SimpleRNN", "units", 4, "returnSequences", true)
                .then("seqOut", "SequenceOutput", "units", 2, "activation", "softmax", "loss", "mcxent")
                .from("rnn").then("preluOut", "SequenceOutput", "units", 2, "activation", "prelu", "loss", "mse")
                .from("in").then("flat", "Flatten")
                .then("out", "Output", "units", 2)
                .build();

        Result r = run(g);

        assertThat(r.model.outputNames()).containsExactly("seqOut", "preluOut", "out");
        assertThat(r.shapes).containsEntry("seqOut", sequence(5, 2)).containsEntry("preluOut", sequence(5, 2))
                .containsEntry("flat", features(15));
        assertThat(r.params("seqOut")).isEqualTo(4 * 2 + 2);
        assertThat(r.params("preluOut")).isEqualTo(4 * 2 + 2 + 5 * 2);
        assertThat(r.params("out")).isEqualTo(15 * 2 + 2);
    }

    @Test
    void addAndConcatenateMergeInPortOrder() {
        Graph g = new Graphs().input("in", 4)
                .then("a", "Dense", "units", 6)
                .from("in").then("b", "Dense", "units", 6, "activation", "tanh")
                .merge("sum", "Add", "a", "b")
                .merge("cat", "Concatenate", "sum", "in")
                .then("out", "Output", "units", 2)
                .build();

        Result r = run(g);

        assertThat(r.shapes).containsEntry("sum", features(6)).containsEntry("cat", features(10));
        assertThat(r.params("out")).isEqualTo(10 * 2 + 2);
        assertThat(r.network.numParams()).isEqualTo((4 * 6 + 6) * 2 + 10 * 2 + 2);
    }

    private record Result(CompiledModel model, ComputationGraph network, Map<String, TensorShape> shapes) {
        long params(String nodeId) { return model.numParams(network, nodeId); }
    }

    private static Result run(Graph g) {
        CompiledModel model = GraphCompiler.compile(g, TRAINING);
        ComputationGraph net = model.newNetwork();
        return new Result(model, net, Forward.shapes(model, net, Forward.randomInputs(g, model, 2)));
    }
}
