package io.layerlab.catalog;

import static io.layerlab.catalog.ParamSpec.activationParam;
import static io.layerlab.catalog.ParamSpec.bool;
import static io.layerlab.catalog.ParamSpec.choice;
import static io.layerlab.catalog.ParamSpec.decimal;
import static io.layerlab.catalog.ParamSpec.intList;
import static io.layerlab.catalog.ParamSpec.integer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every kind of layer and activation function LayerLab knows, with parameters, defaults, valid
 * ranges and explanations. The palette, the inspector, the shape check, the compiler and the
 * project reader all read it from here.
 */
public final class Catalog {
    /** Largest size of any one dimension; beyond this a value is a typo, not a design. */
    public static final int MAX_DIM = 1_000_000;

    private static final Map<String, ActivationKind> ACTIVATIONS = new LinkedHashMap<>();
    private static final Map<String, LayerKind> LAYERS = new LinkedHashMap<>();

    static {
        addActivations();
        addLayers();
    }

    private Catalog() { }

    public static List<LayerKind> layers() { return List.copyOf(LAYERS.values()); }

    public static Optional<LayerKind> layer(String type) { return Optional.ofNullable(LAYERS.get(type)); }

    public static List<String> layerTypes() { return List.copyOf(LAYERS.keySet()); }

    public static List<ActivationKind> activations() { return List.copyOf(ACTIVATIONS.values()); }

    public static Optional<ActivationKind> activation(String name) { return Optional.ofNullable(ACTIVATIONS.get(name)); }

    public static List<String> activationNames() { return Collections.unmodifiableList(new ArrayList<>(ACTIVATIONS.keySet())); }

    /**
     * The value of {@code name} on a node of this kind: the node's own value if set, else the
     * default. For an Activation layer's {@code alpha} the default is the chosen function's own.
     */
    public static Object effectiveParam(String type, Map<String, Object> params, String name) {
        Object v = params.get(name);
        if (v != null) return v;
        if (type.equals("Activation") && !name.equals("function")) {
            Object fn = params.getOrDefault("function", "relu");
            Optional<ActivationKind> a = activation(String.valueOf(fn));
            if (a.isPresent()) {
                for (ParamSpec p : a.get().params()) if (p.name().equals(name)) return p.defaultValue();
            }
        }
        return layer(type).flatMap(k -> k.param(name)).map(ParamSpec::defaultValue).orElse(null);
    }

    private static void act(String name, String display, String formula, List<ParamSpec> params, String text) {
        ACTIVATIONS.put(name, new ActivationKind(name, display, formula, params, text));
    }

    private static void addActivations() {
        act("linear", "Linear", "f(x) = x", List.of(),
                "Passes values through unchanged. A stack of linear layers is still one linear map, so a network "
                + "needs a non-linear activation somewhere to learn curved boundaries. Use it on regression outputs.");
        act("step", "Step", "f(x) = 1 if x > 0, else 0", List.of(),
                "The historical perceptron's all-or-nothing switch. Its slope is zero everywhere, so gradient descent "
                + "gets no signal through it: try it to see why smooth activations replaced it.");
        act("sigmoid", "Sigmoid", "f(x) = 1 / (1 + e^-x)", List.of(),
                "Squashes any value into (0, 1). Good for a yes/no output. In deep hidden stacks it saturates: "
                + "its slope is at most 0.25, so gradients shrink layer by layer (vanishing gradients).");
        act("tanh", "Tanh", "f(x) = (e^x - e^-x) / (e^x + e^-x)", List.of(),
                "Squashes values into (-1, 1) and is centred on zero, which makes it learn faster than sigmoid. "
                + "The usual choice inside recurrent layers; it still saturates for large inputs.");
        act("relu", "ReLU", "f(x) = max(0, x)", List.of(),
                "Keeps positive values, zeroes negative ones. Cheap, does not saturate for positive inputs, and the "
                + "default for hidden layers. A unit whose input stays negative stops learning (a dead ReLU).");
        act("leakyrelu", "Leaky ReLU", "f(x) = x if x > 0, else alpha * x",
                List.of(decimal("alpha", 0.01, 0, 1, false, false, "Slope for negative inputs")),
                "ReLU with a small slope (alpha) for negative inputs, so no unit dies completely.");
        act("prelu", "PReLU", "f(x) = x if x > 0, else a * x (a is learned)", List.of(),
                "Leaky ReLU whose negative slope is learned per unit during training.");
        act("elu", "ELU", "f(x) = x if x > 0, else alpha * (e^x - 1)",
                List.of(decimal("alpha", 1.0, 0, 10, false, false, "Value approached for very negative inputs (-alpha)")),
                "Like ReLU for positive inputs, smooth and slightly negative below zero, which keeps mean activations "
                + "near zero and often speeds up learning.");
        act("swish", "Swish", "f(x) = x * sigmoid(x)", List.of(),
                "A smooth ReLU-like curve found by automated search; often a little better than ReLU in deep nets.");
        act("gelu", "GELU", "f(x) = x * Phi(x)", List.of(),
                "Weights each input by how likely it is to be positive under a normal curve. Used in Transformers.");
        act("maxout", "Maxout", "f(x) = max over k pieces of (w_i x + b_i)",
                List.of(integer("pieces", 2, 2, 16, "Linear pieces per unit")),
                "Each unit outputs the largest of several learned linear functions, so it learns its own activation "
                + "shape. Costs 'pieces' times the weights. As the activation of a Dense, Conv2D or Output layer, the layer "
                + "computes units*pieces linear values and each unit keeps the largest of its group. As an Activation node "
                + "it keeps the largest of each group of 'pieces' consecutive features (or channels), so n values become "
                + "n/pieces and n must be a multiple of pieces.");
        act("softmax", "Softmax", "f(x)_i = e^x_i / sum_j e^x_j", List.of(),
                "Turns a vector of scores into probabilities that sum to 1. The output activation for choosing one "
                + "class out of several (with the mcxent loss).");
    }

    private static void layer(String type, Category cat, Arity arity, List<ParamSpec> params, String summary,
                              String text, boolean weights) {
        LAYERS.put(type, new LayerKind(type, cat, arity, params, summary, text, weights));
    }

    private static ParamSpec frozen() {
        return bool("frozen", false, "Keep this layer's weights fixed while training (fine-tuning)");
    }

    private static void addLayers() {
        ParamSpec units = integer("units", 16, 1, MAX_DIM, "Number of neurons (output features)");
        ParamSpec outUnits = integer("units", 2, 1, MAX_DIM, "Number of outputs: classes for classification, values for regression");
        ParamSpec loss = choice("loss", "mcxent", List.of("mcxent", "xent", "mse", "mae"),
                "Loss: mcxent (one of several classes), xent (independent yes/no outputs), mse or mae (regression)");
        ParamSpec rnnUnits = integer("units", 32, 1, MAX_DIM, "Size of the hidden state");
        ParamSpec returnSeq = bool("returnSequences", false, "Output every time step (true) or only the last (false)");
        ParamSpec pool = intList("pool", List.of(2, 2), List.of(2), 1, MAX_DIM, "Window height and width");
        ParamSpec poolStride = intList("stride", List.of(2, 2), List.of(2), 1, MAX_DIM, "Step between windows");
        ParamSpec pieces = integer("pieces", 2, 2, 16, "Linear pieces per unit when the activation is maxout");
        ParamSpec padding = choice("padding", "valid", List.of("valid", "same"),
                "valid: no padding, the output shrinks; same: pad so that the output is input / stride");

        layer("Input", Category.CORE, Arity.NONE,
                List.of(intList("shape", List.of(2), List.of(1, 2, 3), 1, MAX_DIM,
                        "[n] features, [h, w, c] an image, or [t, f] a sequence of t steps with f features")),
                "Where data enters the network",
                "Declares the shape of one example: [n] for a vector of n features, [h, w, c] for an image of height h, "
                + "width w and c channels, [t, f] for a sequence of t time steps with f features each.", false);
        layer("Dense", Category.CORE, Arity.ONE,
                List.of(units, activationParam("activation", "relu", "Applied to each neuron's weighted sum"), pieces, frozen()),
                "Fully connected layer",
                "Every output neuron takes a weighted sum of all inputs plus a bias, then applies its activation. "
                + "The workhorse of MLPs and the head of most classifiers. Takes a feature vector: flatten images first.",
                true);
        layer("Activation", Category.ACTIVATIONS, Arity.ONE,
                List.of(activationParam("function", "relu", "The function applied to every value"),
                        decimal("alpha", 0.01, 0, 10, false, false, "Leaky ReLU's negative slope or ELU's scale"),
                        integer("pieces", 2, 2, 16, "Maxout's number of linear pieces")),
                "Applies a function to every value",
                "Applies an activation function element by element; the shape does not change. Putting it on its own "
                + "node makes the non-linearity visible; a layer's 'activation' parameter does the same inside the layer.",
                false);
        layer("Dropout", Category.CORE, Arity.ONE,
                List.of(decimal("rate", 0.5, 0, 1, false, true, "Fraction of values set to zero while training")),
                "Randomly drops values while training",
                "While training, zeroes a random fraction (rate) of its inputs and scales up the rest; at test time it "
                + "does nothing. Stops neurons from relying on each other and so reduces overfitting.", false);
        layer("BatchNormalization", Category.CORE, Arity.ONE, List.of(frozen()),
                "Normalises each feature over the batch",
                "Rescales each feature (or channel) to zero mean and unit variance over the mini-batch, then applies a "
                + "learned scale and shift. Lets deep networks train faster and with higher learning rates. Frozen, it "
                + "keeps its scale, shift and running statistics and normalises with those, as Keras' trainable=False does.", true);
        layer("Flatten", Category.CORE, Arity.ONE, List.of(),
                "Image or sequence to a flat vector",
                "Unrolls an image [h, w, c] or a sequence [t, f] into one vector of h*w*c or t*f features, so Dense "
                + "layers can follow convolutions.", false);
        layer("Conv2D", Category.CONVOLUTION, Arity.ONE,
                List.of(integer("filters", 16, 1, 65_536, "Number of feature maps (output channels)"),
                        intList("kernel", List.of(3, 3), List.of(2), 1, MAX_DIM, "Kernel height and width"),
                        intList("stride", List.of(1, 1), List.of(2), 1, MAX_DIM, "Step of the kernel"),
                        padding, activationParam("activation", "relu", "Applied to each output value"), pieces, frozen()),
                "2-D convolution over an image",
                "Slides small learned filters over the image; each filter detects one local pattern (an edge, a corner, "
                + "later whole parts) wherever it appears. Far fewer weights than a Dense layer on the same image.",
                true);
        layer("MaxPooling2D", Category.CONVOLUTION, Arity.ONE, List.of(pool, poolStride, padding),
                "Keeps the largest value in each window",
                "Shrinks the image by keeping the strongest response in each window, which makes the features tolerant "
                + "to small shifts and cuts the work of later layers.", false);
        layer("AveragePooling2D", Category.CONVOLUTION, Arity.ONE, List.of(pool, poolStride, padding),
                "Averages each window",
                "Shrinks the image by averaging each window: smoother than max pooling.", false);
        layer("GlobalAveragePooling2D", Category.CONVOLUTION, Arity.ONE, List.of(),
                "One average per channel",
                "Averages each feature map over the whole image, giving one value per channel: a weight-free "
                + "alternative to Flatten before the classifier.", false);
        layer("SimpleRNN", Category.RECURRENT, Arity.ONE,
                List.of(rnnUnits, activationParam("activation", "tanh", "Applied to the new hidden state"), returnSeq, frozen()),
                "Plain recurrent layer",
                "Reads a sequence one step at a time, mixing each input into a hidden state. Simple, but struggles with "
                + "long-range dependencies because gradients fade over many steps.", true);
        layer("LSTM", Category.RECURRENT, Arity.ONE,
                List.of(rnnUnits, activationParam("activation", "tanh", "Applied to the cell output"), returnSeq, frozen()),
                "Long short-term memory",
                "A recurrent layer with gates that decide what to remember, forget and output, so information and "
                + "gradients survive over long sequences.", true);
        layer("GRU", Category.RECURRENT, Arity.ONE,
                List.of(rnnUnits, activationParam("activation", "tanh", "Applied to the candidate state"), returnSeq, frozen()),
                "Gated recurrent unit",
                "A leaner LSTM with two gates (update and reset) and no separate cell state: fewer weights, often as good. "
                + "The cell is Keras' GRU with reset_after=False: the reset gate scales the old state before the "
                + "recurrent weights, and each gate has one bias.", true);
        layer("Embedding", Category.RECURRENT, Arity.ONE,
                List.of(integer("vocabulary", 1000, 2, MAX_DIM, "Number of distinct tokens: ids run from 0 to vocabulary - 1"),
                        integer("units", 32, 1, MAX_DIM, "Length of each token's vector"), frozen()),
                "Token ids to learned vectors",
                "Looks up a learned vector for each token id: the usual first layer for words or categories. It reads "
                + "an Input of shape [t, 1] holding one whole-number id per step and gives a sequence [t, units].", true);
        layer("SelfAttention", Category.ATTENTION, Arity.ONE,
                List.of(integer("heads", 1, 1, 64, "Number of attention heads"),
                        integer("headSize", 16, 1, 4096, "Size of each head's projection")),
                "Each step attends to every other step",
                "Every position in the sequence builds its output as a weighted mix of all positions, the weights coming "
                + "from how well their queries and keys match: the core of the Transformer. Each head projects the f "
                + "features of every step to a query, a key and a value of headSize values; the heads' mixes are joined "
                + "and projected back to f features, so [t, f] gives [t, f] and the layer fits a residual Add. "
                + "4*f*heads*headSize weights, no biases.", true);
        layer("Add", Category.MERGE, Arity.MANY, List.of(),
                "Element-wise sum of its inputs",
                "Adds inputs of identical shape element by element. With an identity path around a block it forms a "
                + "residual (skip) connection, which lets very deep networks train.", false);
        layer("Concatenate", Category.MERGE, Arity.MANY, List.of(),
                "Joins its inputs along the features",
                "Stacks inputs side by side along the last axis (features or channels), in port order. Other "
                + "dimensions must match.", false);
        layer("Output", Category.CORE, Arity.ONE,
                List.of(outUnits, activationParam("activation", "softmax", "softmax for classes, sigmoid for yes/no, linear for regression"), loss, pieces),
                "Final layer with a loss",
                "A Dense layer that also computes the loss the network is trained to reduce. Classification: one unit "
                + "per class, softmax, mcxent. Regression: one unit per value, linear, mse.", true);
        layer("SequenceOutput", Category.RECURRENT, Arity.ONE,
                List.of(outUnits, activationParam("activation", "softmax", "Applied at every time step"), loss),
                "Output and loss at every time step",
                "Like Output, but for a sequence: predicts at every time step (tagging, sequence regression).", true);
    }
}
