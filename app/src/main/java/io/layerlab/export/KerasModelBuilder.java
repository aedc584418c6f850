package io.layerlab.export;

import io.layerlab.export.KerasModel.Block;
import io.layerlab.export.KerasModel.Helper;
import io.layerlab.export.KerasModel.Output;
import io.layerlab.graph.Node;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates a checked network into Keras layers with the same meaning as LayerLab's DL4J
 * network: the same shapes and weights, the same activations (LayerLab's alphas, its PReLU
 * starting slope), batch normalisation with DL4J's momentum and epsilon, and the node ids as
 * layer names.
 */
final class KerasModelBuilder {
    /** The PReLU starting slope of LayerLab's compiler (He et al. 2015); Keras would start at 0. */
    static final double PRELU_INITIAL_ALPHA = 0.25;
    /** DL4J's batch normalisation defaults (Keras' are 0.99 and 0.001). */
    static final double BATCH_NORM_MOMENTUM = 0.9;
    static final double BATCH_NORM_EPSILON = 1e-5;
    /** The negative slope of a layer's own leaky ReLU (the catalog's default; Keras' LeakyReLU defaults to 0.3). */
    static final double LEAKY_RELU_ALPHA = 0.01;

    private static final Set<String> KERAS_ACTIVATIONS = Set.of("linear", "sigmoid", "tanh", "relu", "softmax", "swish", "gelu");

    private final NetworkPlan plan;
    private final Map<String, String> variables = new HashMap<>();
    private final Set<String> usedVariables = new HashSet<>();
    private final Set<String> usedNames = new HashSet<>();
    private final Map<String, String> names = new HashMap<>();
    private final EnumSet<Helper> helpers = EnumSet.noneOf(Helper.class);

    private KerasModelBuilder(NetworkPlan plan) {
        this.plan = plan;
        // Node ids are claimed first so that helper layers ("dense1_linear") never take a node's name.
        for (Node n : plan.order()) names.put(n.id(), unique(layerName(n.id()), usedNames));
        for (Node n : plan.order()) variables.put(n.id(), unique(Python.identifier(n.id()), usedVariables));
    }

    static KerasModel build(NetworkPlan plan) {
        return new KerasModelBuilder(plan).build();
    }

    private KerasModel build() {
        List<Block> blocks = new ArrayList<>();
        for (Node node : plan.order()) blocks.add(block(node));
        List<String> inputs = plan.inputs().stream().map(n -> variables.get(n.id())).toList();
        List<Output> outputs = plan.outputs().stream().map(this::output).toList();
        return new KerasModel(blocks, inputs, outputs, helpers);
    }

    private Output output(Node node) {
        String loss = (String) NetworkPlan.param(node, "loss");
        String keras = switch (loss) {
            case "mcxent" -> "categorical_crossentropy";
            case "xent" -> "binary_crossentropy";
            case "mse" -> "mse";
            case "mae" -> "mae";
            default -> throw new IllegalStateException("unknown loss " + loss + " passed the shape check");
        };
        boolean classifies = loss.equals("mcxent") || loss.equals("xent");
        return new Output(variables.get(node.id()), names.get(node.id()), keras, classifies);
    }

    private Block block(Node node) {
        String var = variables.get(node.id());
        List<String> in = plan.inputsOf(node).stream().map(n -> variables.get(n.id())).toList();
        List<String> notes = new ArrayList<>();
        List<KerasLayer> layers = switch (node.type()) {
            case "Input" -> List.of(layer(var, "Input", config("shape", ints(node, "shape")), node, List.of()));
            case "Dense", "Output" -> withActivation(node, "Dense", config("units", integer(node, "units")), in, notes);
            case "Conv2D" -> withActivation(node, "Conv2D", config("filters", integer(node, "filters"),
                    "kernel_size", ints(node, "kernel"), "strides", ints(node, "stride"),
                    "padding", NetworkPlan.param(node, "padding")), in, notes);
            case "SimpleRNN", "LSTM", "GRU" -> withActivation(node, node.type(), config("units", integer(node, "units")), in, notes);
            case "Embedding" -> embedding(node, in, notes);
            case "SequenceOutput" -> withActivation(node, "TimeDistributed", config("units", integer(node, "units")), in, notes);
            case "Activation" -> List.of(activationLayer(node, in, notes));
            case "SelfAttention" -> {
                helpers.add(Helper.SELF_ATTENTION);
                notes.add("Keras' MultiHeadAttention has biases and its own output size; the SelfAttention class above");
                notes.add("computes what LayerLab's (DL4J's) does, with weights of the same shapes.");
                yield List.of(layer(var, "SelfAttention", config("heads", integer(node, "heads"),
                        "head_size", integer(node, "headSize")), node, in));
            }
            case "Dropout" -> List.of(layer(var, "Dropout", config("rate", NetworkPlan.param(node, "rate")), node, in));
            case "BatchNormalization" -> List.of(layer(var, "BatchNormalization", frozen(node, config(
                    "momentum", BATCH_NORM_MOMENTUM, "epsilon", BATCH_NORM_EPSILON)), node, in));
            case "Flatten", "GlobalAveragePooling2D", "Add", "Concatenate" -> List.of(layer(var, node.type(), config(), node, in));
            case "MaxPooling2D", "AveragePooling2D" -> List.of(layer(var, node.type(), config("pool_size", ints(node, "pool"),
                    "strides", ints(node, "stride"), "padding", NetworkPlan.param(node, "padding")), node, in));
            default -> throw new IllegalStateException(node.type() + " passed the shape check but has no Keras translation");
        };
        return new Block(node, layers, notes);
    }

    /**
     * A weighted layer with the node's activation. Keras' own activation names are used where they
     * mean the same; leaky ReLU and step call a function the script defines; a learned PReLU
     * becomes a PReLU layer after a linear one, as LayerLab's compiler builds it.
     *
     * @param args the layer's own arguments, without activation and name
     */
    private List<KerasLayer> withActivation(Node node, String className, Map<String, Object> args, List<String> in,
                                            List<String> notes) {
        String var = variables.get(node.id());
        String function = (String) NetworkPlan.param(node, "activation");
        boolean recurrent = className.equals("SimpleRNN") || className.equals("LSTM") || className.equals("GRU");
        if (function.equals("maxout")) return maxout(node, className, args, in, notes);
        if (!function.equals("prelu")) {
            Map<String, Object> config = new LinkedHashMap<>(args);
            config.put("activation", activationArgument(function));
            if (recurrent) recurrentConfig(node, className, config);
            return List.of(layer(var, className, frozen(node, config), node, in));
        }
        Map<String, Object> linear = new LinkedHashMap<>(args);
        linear.put("activation", "linear");
        if (recurrent) recurrentConfig(node, className, linear);
        String linearName = unique(names.get(node.id()) + "_linear", usedNames);
        KerasLayer first = named(var, className, frozen(node, linear), linearName, in);
        KerasLayer prelu = layer(var, "PReLU", frozen(node, preluConfig()), node, List.of(var));
        notes.add("prelu: a linear " + displayClass(className) + " followed by a learned PReLU (one slope per value,");
        notes.add("starting at " + Python.number(PRELU_INITIAL_ALPHA) + "), as LayerLab builds it.");
        return List.of(first, prelu);
    }

    /** A linear layer with pieces outputs per unit, then Maxout keeping the largest of each unit's pieces. */
    private List<KerasLayer> maxout(Node node, String className, Map<String, Object> args, List<String> in, List<String> notes) {
        String var = variables.get(node.id());
        int pieces = integer(node, "pieces");
        Map<String, Object> linear = new LinkedHashMap<>(args);
        String width = className.equals("Conv2D") ? "filters" : "units";
        linear.put(width, integer(node, width) * pieces);
        linear.put("activation", "linear");
        String linearName = unique(names.get(node.id()) + "_linear", usedNames);
        helpers.add(Helper.MAXOUT);
        notes.add("maxout: a linear " + className + " with " + pieces + " outputs per unit, then the largest of each unit's pieces.");
        return List.of(named(var, className, frozen(node, linear), linearName, in),
                layer(var, "Maxout", config("pieces", pieces), node, List.of(var)));
    }

    /** return_sequences; a GRU also reset_after=False, the cell LayerLab builds (one bias per gate). */
    private static void recurrentConfig(Node node, String className, Map<String, Object> config) {
        config.put("return_sequences", NetworkPlan.param(node, "returnSequences"));
        if (className.equals("GRU")) config.put("reset_after", false);
    }

    /** Keras' Embedding takes ids as (batch, t): a Reshape first drops the Input's axis of one id per step. */
    private List<KerasLayer> embedding(Node node, List<String> in, List<String> notes) {
        String var = variables.get(node.id());
        int steps = plan.shape(node).timeSteps();
        KerasLayer ids = named(var, "Reshape", config("target_shape", List.of(steps)), unique(names.get(node.id()) + "_ids", usedNames), in);
        notes.add("Keras' Embedding reads (batch, steps) ids: the Reshape drops the Input's feature axis of 1.");
        return List.of(ids, layer(var, "Embedding", frozen(node, config("input_dim", integer(node, "vocabulary"),
                "output_dim", integer(node, "units"))), node, List.of(var)));
    }

    private KerasLayer activationLayer(Node node, List<String> in, List<String> notes) {
        String var = variables.get(node.id());
        String function = (String) NetworkPlan.param(node, "function");
        double alpha = ((Number) NetworkPlan.param(node, "alpha")).doubleValue();
        return switch (function) {
            case "prelu" -> {
                notes.add("A learned slope for negative values, one per value, starting at " + Python.number(PRELU_INITIAL_ALPHA) + ".");
                yield layer(var, "PReLU", preluConfig(), node, in);
            }
            case "maxout" -> {
                helpers.add(Helper.MAXOUT);
                yield layer(var, "Maxout", config("pieces", integer(node, "pieces")), node, in);
            }
            case "leakyrelu" -> layer(var, "LeakyReLU", config("alpha", alpha), node, in);
            case "elu" -> layer(var, "ELU", config("alpha", alpha), node, in);
            case "step" -> {
                helpers.add(Helper.STEP);
                notes.add("Keras has no step activation: a Lambda layer applies the step function defined above.");
                yield layer(var, "Lambda", config("function", new Python.Code("step")), node, in);
            }
            default -> layer(var, "Activation", config("activation", function), node, in);
        };
    }

    private Object activationArgument(String function) {
        if (KERAS_ACTIVATIONS.contains(function)) return function;
        return switch (function) {
            // The layer's elu uses the catalog's alpha of 1.0, which is Keras' own.
            case "elu" -> "elu";
            case "leakyrelu" -> {
                helpers.add(Helper.LEAKY_RELU);
                yield new Python.Code("leaky_relu");
            }
            case "step" -> {
                helpers.add(Helper.STEP);
                yield new Python.Code("step");
            }
            default -> throw new IllegalStateException("activation " + function + " passed the shape check but has no Keras translation");
        };
    }

    private static Map<String, Object> preluConfig() {
        return config("alpha_initializer", new Python.Code("keras.initializers.Constant(" + Python.number(PRELU_INITIAL_ALPHA) + ")"));
    }

    /** Marks the layer's weights fixed, as a frozen node's are. */
    private static Map<String, Object> frozen(Node node, Map<String, Object> config) {
        if (Boolean.TRUE.equals(node.param("frozen"))) {
            Map<String, Object> copy = new LinkedHashMap<>(config);
            copy.put("trainable", false);
            return copy;
        }
        return config;
    }

    /** The node's output layer: named after the node. TimeDistributed wraps a Dense built from {@code config}. */
    private KerasLayer layer(String var, String className, Map<String, Object> config, Node node, List<String> in) {
        return named(var, className, config, names.get(node.id()), in);
    }

    private static KerasLayer named(String var, String className, Map<String, Object> config, String name, List<String> in) {
        Map<String, Object> args = new LinkedHashMap<>();
        if (className.equals("TimeDistributed")) {
            Map<String, Object> dense = new LinkedHashMap<>(config);
            Object trainable = dense.remove("trainable");
            args.put("layer", new KerasLayer(null, "Dense", dense, List.of()));
            if (trainable != null) args.put("trainable", trainable);
        } else {
            args.putAll(config);
        }
        args.put("name", name);
        return new KerasLayer(var, className, args, in);
    }

    private static String displayClass(String className) {
        return className.equals("TimeDistributed") ? "TimeDistributed(Dense)" : className;
    }

    private static Map<String, Object> config(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    private static int integer(Node node, String name) {
        return ((Number) NetworkPlan.param(node, name)).intValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> ints(Node node, String name) {
        List<Integer> values = new ArrayList<>();
        for (Object o : (List<Object>) NetworkPlan.param(node, name)) values.add(((Number) o).intValue());
        return values;
    }

    /**
     * A Keras layer name for a node id: TensorFlow accepts letters, digits and {@code _ . -},
     * starting with a letter or digit; anything else becomes an underscore.
     */
    static String layerName(String id) {
        String name = id.replaceAll("[^A-Za-z0-9_.-]", "_");
        return name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0)) ? "n" + name : name;
    }

    private static String unique(String base, Set<String> used) {
        String candidate = base;
        for (int i = 2; !used.add(candidate); i++) candidate = base + "_" + i;
        return candidate;
    }
}
