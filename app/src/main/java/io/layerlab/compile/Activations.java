package io.layerlab.compile;

import io.layerlab.catalog.ActivationKind;
import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.ParamSpec;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationSwish;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * The catalog's activation names as DL4J activation functions. {@code prelu} is not here: it has
 * learned weights, so the compiler builds it as its own PReLU layer after the node's layer; nor
 * is {@code maxout}, which the compiler builds as a {@link Maxout} layer.
 */
public final class Activations {
    public static final String PRELU = "prelu";
    public static final String LINEAR = "linear";
    /** Changes the number of values, so it is built as its own layer ({@link Maxout}), not as a function. */
    public static final String MAXOUT = "maxout";

    private Activations() { }

    /**
     * @param alpha leaky ReLU's negative slope or ELU's scale; ignored by the other functions
     * @throws IllegalArgumentException for prelu, maxout or an unknown name
     */
    public static IActivation of(String name, double alpha) {
        return switch (name) {
            case "linear" -> new ActivationIdentity();
            case "step" -> new StepActivation();
            case "sigmoid" -> new ActivationSigmoid();
            case "tanh" -> new ActivationTanH();
            case "relu" -> new ActivationReLU();
            case "leakyrelu" -> new ActivationLReLU(alpha);
            case "elu" -> new ActivationELU(alpha);
            case "swish" -> new ActivationSwish();
            // precise: x * Phi(x) with the normal CDF, as the catalog states, not the sigmoid approximation.
            case "gelu" -> new ActivationGELU(true);
            case "softmax" -> new ActivationSoftmax();
            case PRELU -> throw new IllegalArgumentException("prelu has learned weights and is built as a PReLU layer");
            case MAXOUT -> throw new IllegalArgumentException("maxout changes the number of values and is built as a Maxout layer");
            default -> throw new IllegalArgumentException("activation \"" + name + "\" is not one LayerLab knows; known ones: "
                    + String.join(", ", knownNames()));
        };
    }

    /**
     * For a function applied to a whole image or sequence at once (a convolution's activation,
     * an Activation node after one): softmax normalises each position's channels or features.
     */
    public static IActivation perPosition(String name, double alpha) {
        return name.equals("softmax") ? new FeatureSoftmax() : of(name, alpha);
    }

    /** The function's own default alpha (leaky ReLU 0.01, ELU 1.0), or 0 for functions without one. */
    public static double defaultAlpha(String name) {
        return Catalog.activation(name).flatMap(a -> a.params().stream().filter(p -> p.name().equals("alpha")).findFirst())
                .map(ParamSpec::defaultValue).map(v -> ((Number) v).doubleValue()).orElse(0.0);
    }

    static java.util.List<String> knownNames() {
        return Catalog.activations().stream().map(ActivationKind::name).toList();
    }
}
