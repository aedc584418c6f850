package io.layerlab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EditHistoryTest {

    private static Graph xor() {
        return Graph.of(List.of(
                        new Node("in", "Input", 40, 120, Map.of("shape", List.of(2))),
                        new Node("h1", "Dense", 220, 120, Map.of("units", 8)),
                        new Node("out", "Output", 400, 120, Map.of("units", 2))),
                List.of(new Edge("in", "h1"), new Edge("h1", "out")));
    }

    @Test
    void undoAndRedoRestoreEveryKindOfEdit() {
        Graph g = xor();
        Graph original = g.copy();
        EditHistory h = new EditHistory(g);

        h.execute(new AddNode(new Node("a1", "Activation", 300, 200, Map.of("function", "tanh"))));
        h.execute(new Connect(new Edge("h1", "a1")));
        h.execute(new SetParam("h1", "units", 32));
        h.execute(new MoveNodes(Map.of("in", new double[] {10, 20})));
        h.execute(new Disconnect(new Edge("in", "h1")));
        h.execute(new RemoveNodes(Set.of("h1")));

        assertThat(g.contains("h1")).isFalse();
        assertThat(g.edges()).isEmpty();

        while (h.canUndo()) h.undo();
        assertThat(g.nodes()).containsExactlyElementsOf(original.nodes());
        assertThat(g.edges()).containsExactlyElementsOf(original.edges());

        while (h.canRedo()) h.redo();
        assertThat(g.nodes()).extracting(Node::id).containsExactly("in", "out", "a1");
        assertThat(g.node("in").orElseThrow().x()).isEqualTo(10);
    }

    @Test
    void removingANodeRemovesItsWiresAndUndoPutsThemBackInOrder() {
        Graph g = xor();
        EditHistory h = new EditHistory(g);
        h.execute(new RemoveNodes(Set.of("h1")));
        assertThat(g.edges()).isEmpty();
        h.undo();
        assertThat(g.edges()).containsExactly(new Edge("in", "h1"), new Edge("h1", "out"));
        assertThat(g.nodes()).extracting(Node::id).containsExactly("in", "h1", "out");
    }

    @Test
    void describesTheEditToUndoAndRedo() {
        EditHistory h = new EditHistory(xor());
        assertThat(h.undoDescription()).isEmpty();
        h.execute(new SetParam("h1", "units", 4));
        assertThat(h.undoDescription()).contains("Set units of h1");
        h.undo();
        assertThat(h.redoDescription()).contains("Set units of h1");
    }

    @Test
    void dirtyFollowsTheSavedPointThroughUndoAndRedo() {
        EditHistory h = new EditHistory(xor());
        assertThat(h.isDirty()).isFalse();
        h.execute(new SetParam("h1", "units", 4));
        assertThat(h.isDirty()).isTrue();
        h.markSaved();
        assertThat(h.isDirty()).isFalse();
        h.undo();
        assertThat(h.isDirty()).isTrue();
        h.redo();
        assertThat(h.isDirty()).isFalse();
        h.undo();
        h.execute(new SetParam("h1", "units", 5));
        assertThat(h.isDirty()).as("a different edit at the same depth is not the saved state").isTrue();
    }

    @Test
    void aNewEditClearsRedo() {
        EditHistory h = new EditHistory(xor());
        h.execute(new SetParam("h1", "units", 4));
        h.undo();
        h.execute(new SetParam("h1", "units", 6));
        assertThat(h.canRedo()).isFalse();
    }

    @Test
    void aFailingEditChangesNothingAndIsNotRecorded() {
        Graph g = xor();
        EditHistory h = new EditHistory(g);
        long version = g.version();
        assertThatThrownBy(() -> h.execute(new Connect(new Edge("in", "nowhere"))))
                .hasMessageContaining("nowhere");
        assertThat(h.canUndo()).isFalse();
        assertThat(g.version()).isEqualTo(version);
    }

    @Test
    void aFailingCompoundEditRollsBackItsDoneParts() {
        Graph g = xor();
        EditHistory h = new EditHistory(g);
        CompoundEdit paste = new CompoundEdit("Paste", List.of(
                new AddNode(new Node("d2", "Dense", 0, 0, Map.of())),
                new Connect(new Edge("d2", "missing"))));
        assertThatThrownBy(() -> h.execute(paste)).isInstanceOf(IllegalStateException.class);
        assertThat(g.contains("d2")).isFalse();
    }

    @Test
    void listenersHearEachChangeOnce() {
        Graph g = xor();
        AtomicInteger calls = new AtomicInteger();
        g.addListener(x -> calls.incrementAndGet());
        EditHistory h = new EditHistory(g);
        h.execute(new SetParam("h1", "units", 3));
        h.undo();
        h.redo();
        assertThat(calls).hasValue(3);
    }

    @Test
    void freshIdsDoNotCollide() {
        Graph g = xor();
        EditHistory h = new EditHistory(g);
        String id = g.freshId("Dense");
        h.execute(new AddNode(Node.of(id, "Dense", Map.of())));
        assertThat(g.freshId("Dense")).isNotEqualTo(id);
    }

    @Test
    void inputsAreOrderedByPort() {
        Graph g = Graph.of(List.of(Node.of("a", "Input", Map.of()), Node.of("b", "Input", Map.of()),
                Node.of("c", "Concatenate", Map.of())), List.of(new Edge("b", "c", 1), new Edge("a", "c", 0)));
        assertThat(g.inputsOf("c")).extracting(Edge::from).containsExactly("a", "b");
    }
}
