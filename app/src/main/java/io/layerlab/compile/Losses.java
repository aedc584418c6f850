package io.layerlab.compile;

import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The project file's loss names as DL4J loss functions. */
public final class Losses {
    public static final java.util.List<String> NAMES = java.util.List.of("mcxent", "xent", "mse", "mae");

    private Losses() { }

    /**
     * mcxent: cross-entropy over one-of-several classes; xent: binary cross-entropy per output;
     * mse and mae: squared and absolute error, both averaged over the outputs (as Keras does).
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static LossFunction of(String name) {
        return switch (name) {
            case "mcxent" -> LossFunction.MCXENT;
            case "xent" -> LossFunction.XENT;
            case "mse" -> LossFunction.MSE;
            case "mae" -> LossFunction.MEAN_ABSOLUTE_ERROR;
            default -> throw new IllegalArgumentException("unknown loss \"" + name + "\"; must be one of: " + String.join(", ", NAMES));
        };
    }
}
