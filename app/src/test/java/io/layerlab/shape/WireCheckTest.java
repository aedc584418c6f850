package io.layerlab.shape;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.shape.WireCheck.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireCheckTest {
    /** in -> conv -> dense -> out, plus a free Add and a free Dense. */
    private final Graph graph = Graph.of(List.of(
            Node.of("in", "Input", Map.of("shape", List.of(28, 28, 1))),
            Node.of("conv", "Conv2D", Map.of()),
            Node.of("dense", "Dense", Map.of()),
            Node.of("out", "Output", Map.of()),
            Node.of("add", "Add", Map.of()),
            Node.of("spare", "Dense", Map.of())),
            List.of(new Edge("in", "conv"), new Edge("conv", "dense"), new Edge("dense", "out")));

    @Test
    void aWireIntoAFreePortIsAllowed() {
        Verdict v = WireCheck.check(graph, new Edge("dense", "spare"));
        assertThat(v.allowed()).isTrue();
        assertThat(v.replaced()).isEmpty();
    }

    @Test
    void aWireIntoItselfIsRefused() {
        Verdict v = WireCheck.check(graph, new Edge("spare", "spare"));
        assertThat(v.allowed()).isFalse();
        assertThat(v.message()).contains("back into itself");
    }

    @Test
    void aWireClosingALoopIsRefusedNamingTheLoop() {
        Verdict v = WireCheck.check(graph, new Edge("dense", "conv"));
        assertThat(v.allowed()).isFalse();
        assertThat(v.message()).contains("loop").contains("conv → dense → conv");
    }

    @Test
    void aWireIntoAnInputIsRefused() {
        Verdict v = WireCheck.check(graph, new Edge("spare", "in"));
        assertThat(v.allowed()).isFalse();
        assertThat(v.message()).contains("Input 'in'").contains("takes no wires");
    }

    @Test
    void nothingCanBeWiredOutOfAnOutput() {
        Verdict v = WireCheck.check(graph, new Edge("out", "spare"));
        assertThat(v.allowed()).isFalse();
        assertThat(v.message()).contains("Output 'out'").contains("Wire from the layer before it");
    }

    @Test
    void aSecondWireIntoASingleInputReplacesTheFirst() {
        Verdict v = WireCheck.check(graph, new Edge("in", "dense"));
        assertThat(v.allowed()).isTrue();
        assertThat(v.replaced()).contains(new Edge("conv", "dense"));
        assertThat(v.message()).contains("Replaces the wire from conv");
    }

    @Test
    void aDuplicateWireIsRefused() {
        Verdict v = WireCheck.check(graph, new Edge("conv", "dense"));
        assertThat(v.allowed()).isFalse();
        assertThat(v.message()).contains("already feeds");
    }

    @Test
    void theSameSourceCannotFeedOneMergeTwice() {
        Graph g = graph.copy();
        new io.layerlab.graph.Connect(new Edge("conv", "add", 0)).apply(g);
        assertThat(WireCheck.check(g, new Edge("conv", "add", 1)).allowed()).isFalse();
        assertThat(WireCheck.check(g, new Edge("dense", "add", 1)).allowed()).isTrue();
    }

    @Test
    void singleInputLayersHaveOnlyPortZero() {
        Verdict v = WireCheck.check(graph, new Edge("dense", "spare", 1));
        assertThat(v.allowed()).isFalse();
        assertThat(v.message()).contains("one input (port 0)");
    }

    @Test
    void aShapeMismatchIsLeftToTheShapeCheck() {
        // An image into a Dense is wrong but possible to draw: the node shows the problem instead.
        assertThat(WireCheck.check(graph, new Edge("in", "spare")).allowed()).isTrue();
    }

    @Test
    void freePortOfAMergeIsAfterItsHighestWiredPort() {
        Graph g = graph.copy();
        assertThat(WireCheck.freePort(g, "add")).isZero();
        new io.layerlab.graph.Connect(new Edge("conv", "add", 0)).apply(g);
        new io.layerlab.graph.Connect(new Edge("dense", "add", 3)).apply(g);
        assertThat(WireCheck.freePort(g, "add")).isEqualTo(4);
        assertThat(WireCheck.freePort(g, "spare")).isZero();
        assertThat(WireCheck.freePort(g, "in")).isEqualTo(-1);
    }

    @Test
    void oneCheckPerSourceAnswersForManyTargets() {
        WireCheck fromDense = WireCheck.from(graph, "dense");
        assertThat(fromDense.to("spare", 0).allowed()).isTrue();
        assertThat(fromDense.to("in", 0).allowed()).isFalse();
        assertThat(fromDense.to("conv", 0).allowed()).isFalse();
        assertThat(fromDense.to("add", 0).allowed()).isTrue();
    }
}
