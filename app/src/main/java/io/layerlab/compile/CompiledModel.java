package io.layerlab.compile;

import io.layerlab.shape.ShapeReport;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.util.List;
import java.util.Map;

/**
 * A graph compiled to DL4J: the configuration and what is needed to use it.
 *
 * <p>Data layout for the network's inputs and outputs follows DL4J: features [batch, n]; an image
 * [h, w, c] as [batch, c, h, w]; a sequence [t, f] as [batch, f, t].
 *
 * @param configuration  the DL4J configuration (network inputs and outputs named by node id)
 * @param inputNames     the Input node ids, in the order DL4J expects the input arrays
 * @param outputNames    the Output / SequenceOutput node ids, in the order of the output arrays
 * @param outputVertices node id to the DL4J vertex holding that node's output (the node id itself)
 * @param nodeVertices   node id to every DL4J vertex built for it; a layer with a learned PReLU,
 *                       for example, has two. Nodes that feed no output are not built.
 * @param shapeReport    the shape check this compilation was based on
 */
public record CompiledModel(ComputationGraphConfiguration configuration, List<String> inputNames, List<String> outputNames,
                            Map<String, String> outputVertices, Map<String, List<String>> nodeVertices,
                            ShapeReport shapeReport) {

    public CompiledModel {
        inputNames = List.copyOf(inputNames);
        outputNames = List.copyOf(outputNames);
        outputVertices = Map.copyOf(outputVertices);
        nodeVertices = Map.copyOf(nodeVertices);
    }

    /** A new network with freshly initialised weights (deterministic for the training seed). */
    public ComputationGraph newNetwork() {
        // Each network gets its own copy: DL4J keeps per-network state (iteration counts) in its configuration.
        ComputationGraph network = new ComputationGraph(configuration.clone());
        network.init();
        return network;
    }

    /** The configuration as DL4J's JSON; {@code ComputationGraphConfiguration.fromJson} reads it back. */
    public String toJson() { return configuration.toJson(); }

    /** The vertex holding this node's output, or null for a node that was not built. */
    public String vertexOf(String nodeId) { return outputVertices.get(nodeId); }

    /** Every vertex built for this node; empty for a node that was not built. */
    public List<String> verticesOf(String nodeId) { return nodeVertices.getOrDefault(nodeId, List.of()); }

    /** Learned parameters of one node in a network made from this model (all of its vertices). */
    public long numParams(ComputationGraph network, String nodeId) {
        long n = 0;
        for (String v : verticesOf(nodeId)) {
            org.deeplearning4j.nn.graph.vertex.GraphVertex vertex = network.getVertex(v);
            if (vertex != null && vertex.hasLayer()) n += vertex.getLayer().numParams();
        }
        return n;
    }
}
