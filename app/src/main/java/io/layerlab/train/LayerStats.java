package io.layerlab.train;

/**
 * What one node's layer looked like at a sampled iteration.
 *
 * @param nodeId            the node on the canvas
 * @param activation        the node's activation function ("relu", "tanh", ...), or null when it has none
 * @param meanAbsGradient   mean absolute value of the loss gradient over the node's parameters; NaN for a node
 *                          without parameters. Vanishing gradients show as values orders of magnitude below
 *                          those of later layers.
 * @param deadFraction      fraction of ReLU units that output 0 for every example of the minibatch; NaN when the
 *                          node is not a ReLU or its output is not observed (an output layer)
 * @param saturatedFraction fraction of sigmoid/tanh outputs in the flat tails (sigmoid below 0.03 or above 0.97,
 *                          |tanh| above 0.97), where the gradient almost vanishes; NaN for other activations
 * @param updateRatio       size of this iteration's parameter change relative to the parameters' size
 *                          (‖Δw‖ / ‖w‖, L2 norms); around 1e-3 is healthy, far above means too large steps,
 *                          far below means the layer barely learns. NaN without parameters.
 */
public record LayerStats(String nodeId, String activation, double meanAbsGradient, double deadFraction,
                         double saturatedFraction, double updateRatio) {

    public boolean hasParameters() {
        return !Double.isNaN(meanAbsGradient);
    }
}
