package io.layerlab.train;

import io.layerlab.compile.CompiledModel;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.project.InitialWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Moves {@link InitialWeights} out of a network (a snapshot) and into a freshly initialised one
 * (before training). Vertices are matched by name, which is the node id (plus the inner vertices a
 * node compiles to, such as a learned PReLU's {@code dense1_linear}), and parameters by DL4J's
 * names.
 *
 * <p>A node takes its weights only when every one of its arrays is there with the shape the layer
 * now has; otherwise it starts fresh and the result says why, naming the node, the parameter, the
 * shape stored and the shape needed (a person changed the units after importing, say). The other
 * nodes still take theirs.
 */
public final class NetworkWeights {
    private NetworkWeights() { }

    /** Every parameter array of {@code network}, copied, by vertex and parameter name. */
    public static InitialWeights snapshot(ComputationGraph network, String source) {
        Map<String, Map<String, InitialWeights.Array>> vertices = new LinkedHashMap<>();
        for (GraphVertex vertex : network.getVertices()) {
            if (!vertex.hasLayer() || vertex.numParams() == 0) continue;
            Map<String, InitialWeights.Array> params = new LinkedHashMap<>();
            vertex.paramTable(false).forEach((name, array) ->
                    params.put(name, new InitialWeights.Array(array.shape(), array.dup('c').castTo(DataType.FLOAT).data().asFloat())));
            vertices.put(vertex.getVertexName(), params);
        }
        return new InitialWeights(source, vertices);
    }

    /**
     * Copies {@code weights} into {@code network}, compiled from {@code graph} as {@code model}.
     *
     * @return the nodes that took their weights, those that could not (with why), those new since the weights were kept
     */
    public static StartingWeights apply(InitialWeights weights, ComputationGraph network, CompiledModel model, Graph graph) {
        List<String> loaded = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (Node node : graph.nodes()) {
            List<GraphVertex> vertices = new ArrayList<>();
            for (String name : model.verticesOf(node.id())) {
                GraphVertex v = network.getVertex(name);
                if (v != null && v.hasLayer() && v.numParams() > 0) vertices.add(v);
            }
            if (vertices.isEmpty()) continue;
            if (vertices.stream().noneMatch(v -> weights.vertices().contains(v.getVertexName()))) {
                fresh.add(node.id());
                continue;
            }
            List<String> misfits = misfits(weights, node.id(), vertices);
            if (!misfits.isEmpty()) {
                skipped.add(node.id() + " (" + String.join("; ", misfits) + ")");
                continue;
            }
            for (GraphVertex v : vertices) {
                for (Map.Entry<String, INDArray> p : v.paramTable(false).entrySet()) {
                    InitialWeights.Array stored = weights.params(v.getVertexName()).get(p.getKey());
                    INDArray target = p.getValue();
                    target.assign(Nd4j.create(stored.values(), stored.shape(), 'c').castTo(target.dataType()));
                }
            }
            loaded.add(node.id());
        }
        return StartingWeights.applied(weights.source(), loaded, skipped, fresh);
    }

    /** Why {@code vertices}' parameters cannot take the stored arrays; empty when they all can. */
    private static List<String> misfits(InitialWeights weights, String nodeId, List<GraphVertex> vertices) {
        List<String> misfits = new ArrayList<>();
        for (GraphVertex v : vertices) {
            Map<String, InitialWeights.Array> stored = weights.params(v.getVertexName());
            for (Map.Entry<String, INDArray> p : v.paramTable(false).entrySet()) {
                String name = v.getVertexName().equals(nodeId) ? p.getKey() : v.getVertexName() + " " + p.getKey();
                InitialWeights.Array array = stored.get(p.getKey());
                long[] needed = p.getValue().shape();
                if (array == null) {
                    misfits.add("no " + name + " among the stored weights");
                } else if (!array.hasShape(needed)) {
                    misfits.add(name + " stored as " + array.shapeText() + ", the layer now needs " + Arrays.toString(needed));
                }
            }
        }
        return misfits;
    }
}
