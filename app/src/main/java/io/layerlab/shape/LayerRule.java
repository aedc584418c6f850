package io.layerlab.shape;

/**
 * How one kind of layer turns its input shapes into an output shape, learned parameters and
 * multiply-adds. A rule reports what is wrong through its context and returns null when no
 * output shape can be given.
 */
@FunctionalInterface
interface LayerRule {
    Inferred apply(NodeContext node);

    /** A layer's output shape, learned parameters and multiply-adds per example. */
    record Inferred(TensorShape output, long params, long multiplyAdds) { }
}
