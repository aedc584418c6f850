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

    /** Mean absolute gradients below this are too small to move the weights: the gradient vanished. */
    public static final double VANISHING_GRADIENT = 1e-6;
    /** Update ratios above this are steps so large the layer is thrown around rather than refined. */
    public static final double LARGE_UPDATE = 0.1;
    /** Update ratios below this leave the weights practically unchanged. */
    public static final double TINY_UPDATE = 1e-6;

    public boolean hasParameters() {
        return !Double.isNaN(meanAbsGradient);
    }

    /**
     * What looks wrong with this layer, in plain words, most serious first; empty when it looks
     * healthy. The thresholds are rules of thumb, not laws: a reason to look closer.
     */
    public java.util.List<String> concerns() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!Double.isNaN(deadFraction) && deadFraction >= 0.5) {
            out.add(Math.round(deadFraction * 100) + "% of its ReLUs are dead");
        }
        if (!Double.isNaN(saturatedFraction) && saturatedFraction >= 0.5) {
            out.add("saturated: " + Math.round(saturatedFraction * 100) + "% of outputs in the flat tails");
        }
        if (!Double.isNaN(meanAbsGradient) && meanAbsGradient < VANISHING_GRADIENT) {
            out.add("vanishing gradient");
        }
        if (!Double.isNaN(updateRatio) && updateRatio > LARGE_UPDATE) {
            out.add("very large steps");
        } else if (!Double.isNaN(updateRatio) && updateRatio < TINY_UPDATE && updateRatio >= 0) {
            out.add("weights barely change");
        }
        return out;
    }
}
