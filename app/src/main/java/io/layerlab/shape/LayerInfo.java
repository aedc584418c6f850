package io.layerlab.shape;

/**
 * What the shape check knows of one node: its output shape, learned parameters and
 * multiply-adds per example. {@code output} is null when it cannot be inferred.
 */
public record LayerInfo(String nodeId, String type, TensorShape output, long params, long multiplyAdds) { }
