package io.layerlab.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticGraphsTest {

    @Test
    void aThousandNodeGraphIsValidWithOneInputAndOneOutput() {
        Graph g = SyntheticGraphs.layered(1000, 7);
        ShapeReport r = ShapeInference.infer(g);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(g.size()).isBetween(1000, 1005);
        assertThat(g.nodes().stream().filter(n -> n.type().equals("Input"))).hasSize(1);
        assertThat(g.nodes().stream().filter(n -> n.type().equals("Output"))).hasSize(1);
        assertThat(r.order()).hasSize(g.size());
    }

    @Test
    void itMixesKindsOfLayerSkipsAndMerges() {
        Graph g = SyntheticGraphs.layered(500, 3);
        Set<String> types = g.nodes().stream().map(Node::type).collect(Collectors.toSet());
        assertThat(types).contains("Conv2D", "BatchNormalization", "Activation", "Add", "Concatenate", "Dense", "Dropout");
        assertThat(g.edges().size()).as("wires for 500 nodes").isBetween(550, 650);
    }

    @Test
    void manySeedsAndSizesAllCheckClean() {
        for (int size : new int[] {3, 10, 57, 200}) {
            for (long seed = 0; seed < 20; seed++) {
                ShapeReport r = ShapeInference.infer(SyntheticGraphs.layered(size, seed));
                assertThat(r.diagnostics()).as("size %d seed %d", size, seed).isEmpty();
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameGraph() {
        Graph a = SyntheticGraphs.layered(300, 42);
        Graph b = SyntheticGraphs.layered(300, 42);
        assertThat(a.nodes()).containsExactlyElementsOf(b.nodes());
        assertThat(a.edges()).containsExactlyElementsOf(b.edges());
        assertThat(SyntheticGraphs.layered(300, 43).nodes()).isNotEqualTo(a.nodes());
    }

    @Test
    void nodesDoNotSitOnTopOfEachOther() {
        Graph g = SyntheticGraphs.layered(500, 1);
        Set<String> positions = g.nodes().stream().map(n -> n.x() + "," + n.y()).collect(Collectors.toSet());
        assertThat(positions).hasSize(g.size());
    }

    @Test
    void fewerThanThreeNodesIsRefused() {
        assertThatThrownBy(() -> SyntheticGraphs.layered(2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3");
    }
}
