package io.layerlab.compile;

import io.layerlab.train.TrainingSpec;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The project file's optimizer names as DL4J updaters:
 * <ul>
 *   <li>{@code sgd}: plain gradient descent ({@link Sgd});</li>
 *   <li>{@code momentum}: classical momentum 0.9 ({@link ClassicalMomentum}; ND4J has none);</li>
 *   <li>{@code nesterov}: Nesterov momentum 0.9 ({@link Nesterovs});</li>
 *   <li>{@code adam}: {@link Adam} with its usual betas;</li>
 *   <li>{@code rmsprop}: {@link RmsProp} with its usual decay.</li>
 * </ul>
 */
public final class Updaters {
    public static final double MOMENTUM = 0.9;

    private Updaters() { }

    /**
     * @throws IllegalArgumentException for an unknown optimizer name (the message lists the valid
     *         ones) or a learning rate that is not a positive finite number
     */
    public static IUpdater of(TrainingSpec spec) {
        double lr = spec.learningRate();
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be a positive number, was " + lr);
        }
        String name = spec.optimizer() == null ? "" : spec.optimizer();
        return switch (name) {
            case "sgd" -> new Sgd(lr);
            case "momentum" -> new ClassicalMomentum(lr, MOMENTUM);
            case "nesterov" -> new Nesterovs(lr, MOMENTUM);
            case "adam" -> new Adam(lr);
            case "rmsprop" -> new RmsProp(lr);
            default -> throw new IllegalArgumentException("unknown optimizer \"" + name + "\"; must be one of: "
                    + String.join(", ", TrainingSpec.OPTIMIZERS));
        };
    }
}
