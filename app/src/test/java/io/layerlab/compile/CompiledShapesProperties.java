package io.layerlab.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.shape.ShapeInference;
import io.layerlab.shape.ShapeReport;
import io.layerlab.shape.TensorShape;
import io.layerlab.train.TrainingSpec;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.api.SoftAssertions;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.util.Map;

/**
 * The shape check's promises hold in DL4J: for random valid networks (chains, residual Adds,
 * Concatenate merges, CNN stacks with pooling and flatten, RNN stacks with and without
 * returnSequences, self-attention, maxout layers and Activation nodes, several inputs) every node's output shape in a real forward pass and every
 * node's parameter count are what {@link ShapeInference} said, and so is the total.
 * DL4J is the oracle for shapes; the team's agreed semantics are the contract.
 */
class CompiledShapesProperties {
    private static final TrainingSpec TRAINING = new TrainingSpec("adam", 0.01, 2, 1, false, 5);

    @Property(tries = 40, edgeCases = EdgeCasesMode.NONE)
    void dl4jComputesTheShapesAndParameterCountsTheShapeCheckPromised(@ForAll("networks") RandomNetworks.Network network) {
        Graph graph = network.graph();
        ShapeReport report = ShapeInference.infer(graph);
        assertThat(report.errors()).as("the shape check accepts a valid network").isEmpty();

        CompiledModel model = GraphCompiler.compile(graph, TRAINING);
        ComputationGraph net = model.newNetwork();
        Map<String, TensorShape> actual = Forward.shapes(model, net, Forward.randomInputs(graph, model, 2));

        SoftAssertions softly = new SoftAssertions();
        for (Node node : graph.nodes()) {
            softly.assertThat(actual.get(node.id())).as("output shape of %s", node).isEqualTo(report.outputShape(node.id()));
            softly.assertThat(model.numParams(net, node.id())).as("parameters of %s", node)
                    .isEqualTo(report.info(node.id()).orElseThrow().params());
        }
        softly.assertThat(net.numParams()).as("total parameters").isEqualTo(report.totalParams());
        softly.assertAll();
    }

    @Provide
    Arbitrary<RandomNetworks.Network> networks() {
        return RandomNetworks.networks();
    }
}
