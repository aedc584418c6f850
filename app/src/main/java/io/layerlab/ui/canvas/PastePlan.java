package io.layerlab.ui.canvas;

import io.layerlab.graph.AddNode;
import io.layerlab.graph.CompoundEdit;
import io.layerlab.graph.Connect;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Edit;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link NodeSnippet} goes into a graph: every node gets a fresh id (from its type, as a
 * new node would), moves by an offset, and the wires among them follow; all as one undoable step.
 * Plain logic, no JavaFX.
 *
 * @param edit   the single step to execute
 * @param newIds ids of the pasted nodes, in snippet order
 */
public record PastePlan(Edit edit, List<String> newIds) {

    public static PastePlan of(Graph graph, NodeSnippet snippet, double dx, double dy, String verb) {
        // A scratch copy reserves each id as it is handed out, so two pasted Dense nodes get
        // dense3 and dense4 rather than both dense3.
        Graph scratch = graph.copy();
        Map<String, String> renamed = new HashMap<>();
        List<Edit> edits = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Node n : snippet.nodes()) {
            String id = scratch.freshId(NodeIds.prefixFor(n.type(), n.params()));
            Node copy = n.withId(id).withPosition(n.x() + dx, n.y() + dy);
            AddNode add = new AddNode(copy);
            add.apply(scratch);
            edits.add(add);
            renamed.put(n.id(), id);
            ids.add(id);
        }
        for (Edge e : snippet.edges()) {
            String from = renamed.get(e.from());
            String to = renamed.get(e.to());
            if (from != null && to != null) edits.add(new Connect(new Edge(from, to, e.toPort())));
        }
        String what = ids.size() == 1 ? snippet.nodes().get(0).type() : ids.size() + " nodes";
        return new PastePlan(new CompoundEdit(verb + " " + what, edits), List.copyOf(ids));
    }
}
