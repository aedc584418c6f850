package io.layerlab.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerlab.graph.Edge;
import io.layerlab.graph.EditHistory;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PastePlanTest {
    private final Graph graph = Graph.of(List.of(
            new Node("dense1", "Dense", 10, 20, Map.of("units", 64)),
            new Node("dense2", "Dense", 200, 20, Map.of("units", 10)),
            new Node("relu1", "Activation", 400, 20, Map.of("function", "relu"))),
            List.of(new Edge("dense1", "dense2"), new Edge("dense2", "relu1")));

    @Test
    void aSnippetKeepsOnlyTheWiresAmongItsNodesAndSurvivesJson() {
        NodeSnippet s = NodeSnippet.of(graph, List.of("dense1", "dense2"));
        NodeSnippet back = NodeSnippet.fromJson(s.toJson());
        assertThat(back.nodes()).containsExactlyElementsOf(s.nodes());
        assertThat(back.edges()).containsExactly(new Edge("dense1", "dense2"));
        assertThat(back.nodes().get(0).param("units")).isEqualTo(64);
    }

    @Test
    void fieldsOfANewerVersionTravelWithACopiedNode() {
        Graph g = Graph.of(List.of(new Node("d", "Dense", 0, 0, Map.of(), Map.of("note", "keep me"))), List.of());
        NodeSnippet back = NodeSnippet.fromJson(NodeSnippet.of(g, List.of("d")).toJson());
        PastePlan plan = PastePlan.of(g, back, 0, 0, "Paste");
        plan.edit().apply(g);
        assertThat(g.node(plan.newIds().get(0)).orElseThrow().extras()).containsEntry("note", "keep me");
    }

    @Test
    void pastedNodesGetFreshIdsAnOffsetAndTheirWiresAsOneUndoStep() {
        EditHistory history = new EditHistory(graph);
        NodeSnippet s = NodeSnippet.of(graph, List.of("dense1", "dense2", "relu1"));
        PastePlan plan = PastePlan.of(graph, s, 40, 40, "Paste");
        history.execute(plan.edit());

        assertThat(plan.newIds()).containsExactly("dense3", "dense4", "relu2");
        assertThat(graph.node("dense3").orElseThrow().x()).isEqualTo(50);
        assertThat(graph.node("dense4").orElseThrow().param("units")).isEqualTo(10);
        assertThat(graph.edges()).contains(new Edge("dense3", "dense4"), new Edge("dense4", "relu2"));
        assertThat(history.undoDescription()).contains("Paste 3 nodes");

        history.undo();
        assertThat(graph.size()).isEqualTo(3);
        assertThat(graph.edges()).hasSize(2);
    }

    @Test
    void mergePortsKeepTheirOrder() {
        Graph g = Graph.of(List.of(Node.of("a", "Dense", Map.of()), Node.of("b", "Dense", Map.of()), Node.of("cat", "Concatenate", Map.of())),
                List.of(new Edge("b", "cat", 0), new Edge("a", "cat", 1)));
        PastePlan plan = PastePlan.of(g, NodeSnippet.of(g, List.of("a", "b", "cat")), 0, 0, "Duplicate");
        plan.edit().apply(g);
        assertThat(g.inputsOf("concatenate1")).containsExactly(new Edge("dense2", "concatenate1", 0), new Edge("dense1", "concatenate1", 1));
    }

    @Test
    void textThatIsNotASnippetIsRefusedWithAReason() {
        assertThatThrownBy(() -> NodeSnippet.fromJson("hello")).hasMessageContaining("does not hold LayerLab nodes");
        assertThatThrownBy(() -> NodeSnippet.fromJson("{\"nodes\":[{\"type\":\"Dense\"}]}")).hasMessageContaining("nodes[0].id is missing");
    }

    @Test
    void newNodesStartWithCatalogDefaultsAndActivationsOnlyWithTheirFunctionsOwn() {
        assertThat(NodeIds.defaultParams("Dense", Map.of())).containsEntry("units", 16).containsEntry("activation", "relu");
        assertThat(NodeIds.defaultParams("Activation", Map.of("function", "relu"))).containsOnlyKeys("function");
        assertThat(NodeIds.defaultParams("Activation", Map.of("function", "elu"))).containsEntry("alpha", 1.0);
        assertThatThrownBy(() -> NodeIds.defaultParams("Dense2", Map.of())).hasMessageContaining("unknown layer type 'Dense2'").hasMessageContaining("Conv2D");
        assertThat(NodeIds.prefixFor("Activation", Map.of("function", "tanh"))).isEqualTo("tanh");
    }
}
