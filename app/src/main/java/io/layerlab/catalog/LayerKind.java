package io.layerlab.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A kind of layer: its type name in the project file (Keras' name), palette group, inputs,
 * parameters and explanation.
 *
 * @param summary     one line, for the palette tooltip
 * @param explanation a few sentences in plain words: what it does and when to use it
 * @param hasWeights  true if it learns parameters (and so may carry "activation" and "frozen")
 */
public record LayerKind(String type, Category category, Arity arity, List<ParamSpec> params,
                        String summary, String explanation, boolean hasWeights) {
    public LayerKind {
        params = List.copyOf(params);
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public boolean isOutput() { return type.equals("Output") || type.equals("SequenceOutput"); }

    public boolean isInput() { return arity == Arity.NONE; }
}
