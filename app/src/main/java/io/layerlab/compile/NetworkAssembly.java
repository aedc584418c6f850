package io.layerlab.compile;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DL4J {@link GraphBuilder} that also tracks the {@link InputType} flowing out of every vertex
 * as vertices are added, so a vertex that needs its input's exact shape (a PReLU's alphas, a
 * flatten's size) can be built from DL4J's own view of the shapes, and records which vertices
 * belong to which node.
 */
final class NetworkAssembly {
    private final GraphBuilder builder;
    private final Map<String, InputType> types = new HashMap<>();
    private final Set<String> taken = new HashSet<>();
    private final List<String> inputs = new ArrayList<>();
    private final List<InputType> inputTypes = new ArrayList<>();
    private final Map<String, List<String>> nodeVertices = new LinkedHashMap<>();
    private final Map<String, String> vertexNode = new HashMap<>();
    private String currentNode;

    /** @param nodeIds every node id of the graph: inner vertices get names that clash with none */
    NetworkAssembly(GraphBuilder builder, Collection<String> nodeIds) {
        this.builder = builder;
        taken.addAll(nodeIds);
    }

    /** Vertices added from now on belong to this node. */
    void startNode(String nodeId) {
        currentNode = nodeId;
        nodeVertices.computeIfAbsent(nodeId, k -> new ArrayList<>());
    }

    /** A free vertex name for a helper vertex of the current node, such as "dense1_linear". */
    String innerName(String role) {
        String base = currentNode + "_" + role;
        String name = base;
        for (int i = 2; taken.contains(name); i++) name = base + i;
        taken.add(name);
        return name;
    }

    void addInput(String name, InputType type) {
        builder.addInputs(name);
        inputs.add(name);
        inputTypes.add(type);
        types.put(name, type);
        record(name);
    }

    String addLayer(String name, Layer layer, String input) {
        builder.addLayer(name, layer, input);
        types.put(name, layer.getOutputType(-1, typeOf(input)));
        record(name);
        return name;
    }

    String addLayer(String name, Layer layer, InputPreProcessor preProcessor, String input) {
        builder.addLayer(name, layer, preProcessor, input);
        types.put(name, layer.getOutputType(-1, preProcessor.getOutputType(typeOf(input))));
        record(name);
        return name;
    }

    String addVertex(String name, GraphVertex vertex, List<String> vertexInputs) {
        builder.addVertex(name, vertex, vertexInputs.toArray(String[]::new));
        InputType[] in = vertexInputs.stream().map(this::typeOf).toArray(InputType[]::new);
        types.put(name, vertex.getOutputType(-1, in));
        record(name);
        return name;
    }

    InputType typeOf(String vertexName) {
        InputType t = types.get(vertexName);
        if (t == null) throw new IllegalStateException("vertex '" + vertexName + "' has not been added yet");
        return t;
    }

    /** Runs DL4J's own validation and shape inference; its exceptions pass through unchanged. */
    ComputationGraphConfiguration build(List<String> outputs) {
        builder.setInputTypes(inputTypes.toArray(InputType[]::new));
        builder.setOutputs(outputs.toArray(String[]::new));
        return builder.build();
    }

    List<String> inputs() { return List.copyOf(inputs); }

    Map<String, List<String>> nodeVertices() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        nodeVertices.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /** The node a vertex was built for, or null for a name this assembly does not know. */
    String nodeOf(String vertexName) { return vertexNode.get(vertexName); }

    Set<String> vertexNames() { return vertexNode.keySet(); }

    private void record(String vertexName) {
        taken.add(vertexName);
        nodeVertices.get(currentNode).add(vertexName);
        vertexNode.put(vertexName, currentNode);
    }
}
