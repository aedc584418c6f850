package io.layerlab.train.sweep;

import java.util.List;
import java.util.Objects;

/**
 * One node whose activation function the sweep varies: a layer's {@code activation} parameter,
 * or an Activation node's {@code function}.
 *
 * @param nodeId    the node, by id
 * @param functions activation names from the catalog, each tried in its own runs
 */
public record ActivationChoice(String nodeId, List<String> functions) {
    public ActivationChoice {
        Objects.requireNonNull(nodeId, "nodeId");
        if (nodeId.isBlank()) {
            throw new IllegalArgumentException("activation: the node id is empty; name the layer whose activation to vary");
        }
        functions = List.copyOf(Objects.requireNonNull(functions, "functions"));
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("activation of '" + nodeId + "': the list of functions is empty; give at least one");
        }
        if (functions.stream().distinct().count() != functions.size()) {
            throw new IllegalArgumentException("activation of '" + nodeId + "': " + functions + " names a function twice");
        }
    }
}
