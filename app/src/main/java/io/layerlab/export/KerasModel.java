package io.layerlab.export;

import io.layerlab.graph.Node;
import java.util.List;
import java.util.Set;

/**
 * The Keras version of a network: per node, the layers that build it, then the model's inputs
 * and outputs. {@link KerasScriptExporter} writes it as Python, {@link KerasParamCounter} counts
 * its weights the way Keras does.
 *
 * @param blocks  one per node, in build order
 * @param inputs  the Input layers' variables, in the order of the model's input arrays
 * @param outputs the model's outputs, in the order of its output arrays
 * @param helpers the Python functions the layers call
 */
record KerasModel(List<Block> blocks, List<String> inputs, List<Output> outputs, Set<Helper> helpers) {
    KerasModel {
        blocks = List.copyOf(blocks);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        helpers = Set.copyOf(helpers);
    }

    /**
     * The layers built for one node; the last one carries the node's output and name.
     *
     * @param notes comment lines explaining a choice the reader could not guess (why a second layer, ...)
     */
    record Block(Node node, List<KerasLayer> layers, List<String> notes) {
        Block {
            layers = List.copyOf(layers);
            notes = List.copyOf(notes);
        }

        KerasLayer last() { return layers.get(layers.size() - 1); }
    }

    /**
     * @param keras         Keras' loss name, e.g. "categorical_crossentropy"
     * @param classifies    true for class losses, which also report accuracy
     */
    record Output(String variable, String name, String keras, boolean classifies) { }

    /** A Python function the script defines because Keras has no built-in equivalent. */
    enum Helper {
        /** LayerLab's step activation. */
        STEP,
        /** Leaky ReLU with LayerLab's slope, for a layer's own activation. */
        LEAKY_RELU,
        /** A layer class: the largest of each group of pieces on the last axis. */
        MAXOUT,
        /** A layer class: LayerLab's (DL4J's) self-attention, projections without biases. */
        SELF_ATTENTION
    }

    /** Layer classes the script defines itself, called without the {@code layers.} prefix. */
    static final Set<String> SCRIPT_CLASSES = Set.of("Maxout", "SelfAttention");

    List<KerasLayer> layers() {
        return blocks.stream().flatMap(b -> b.layers().stream()).toList();
    }
}
