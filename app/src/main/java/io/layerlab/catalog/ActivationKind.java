package io.layerlab.catalog;

import java.util.List;

/**
 * An activation function: its name in the project file, its own parameters, the formula and a
 * plain-words explanation for the concept card.
 */
public record ActivationKind(String name, String displayName, String formula, List<ParamSpec> params,
                             String explanation) {
    public ActivationKind {
        params = List.copyOf(params);
    }
}
