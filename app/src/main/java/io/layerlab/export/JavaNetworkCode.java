package io.layerlab.export;

import io.layerlab.compile.Activations;
import io.layerlab.compile.Updaters;
import io.layerlab.graph.Node;
import io.layerlab.shape.TensorShape;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The body of the generated {@code configuration()} method: for each node, the DL4J builder calls
 * that LayerLab's compiler makes for it (io.layerlab.compile.NodeTranslator), written out as
 * source. Vertex names, helper vertices, activations, weight initialisation, wrappers and the
 * order of everything match the compiler, so the two configurations are equal.
 */
final class JavaNetworkCode {
    /**
     * Classes the generated file defines itself, because DL4J has no equivalent: small ones written
     * out in {@link JavaHelperClasses}, larger ones copied from LayerLab's own source ({@link #ownClass}).
     */
    enum Helper {
        STEP(null), FEATURE_SOFTMAX(null), CLASSICAL_MOMENTUM(null),
        MAXOUT("io.layerlab.compile.Maxout"),
        GRU_LAYER("io.layerlab.compile.layers.GruLayer"),
        TOKEN_EMBEDDING("io.layerlab.compile.layers.TokenEmbedding"),
        FROZEN_BATCH_NORMALIZATION("io.layerlab.compile.layers.FrozenBatchNormalization");

        /** The LayerLab class copied from its source, or null for a class written out here. */
        final String ownClass;

        Helper(String ownClass) { this.ownClass = ownClass; }
    }

    static final String INDENT = "        ";
    static final String CONTINUATION = INDENT + "        ";
    private static final int WIDTH = 120;
    /** LayerLab's PReLU starting slope (io.layerlab.compile.NodeTranslator.PRELU_INITIAL_ALPHA). */
    static final double PRELU_INITIAL_ALPHA = 0.25;

    private final NetworkPlan plan;
    private final Set<String> imports = new TreeSet<>();
    private final EnumSet<Helper> helpers = EnumSet.noneOf(Helper.class);
    private final Set<String> taken = new HashSet<>();
    private final Set<String> variables = new HashSet<>();
    private final List<String> lines = new ArrayList<>();
    private String currentNode;

    JavaNetworkCode(NetworkPlan plan) {
        this.plan = plan;
        for (Node n : plan.graph().nodes()) taken.add(n.id());
        variables.add("graph");
    }

    Set<String> imports() { return imports; }

    Set<Helper> helpers() { return helpers; }

    /** The statements of configuration(), indented for a method body. */
    List<String> body() {
        imports.add("org.deeplearning4j.nn.conf.ComputationGraphConfiguration");
        imports.add("org.deeplearning4j.nn.conf.NeuralNetConfiguration");
        imports.add("org.deeplearning4j.nn.weights.WeightInit");
        imports.add("org.nd4j.linalg.activations.Activation");
        lines.add(INDENT + "ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()");
        lines.add(CONTINUATION + ".seed(" + plan.project().training().seed() + "L)");
        lines.add(CONTINUATION + ".updater(" + updater() + ")");
        lines.add(CONTINUATION + ".weightInit(WeightInit.XAVIER)");
        lines.add(CONTINUATION + "// DL4J's default is sigmoid; layers without an activation of their own (dropout, pooling) are linear.");
        lines.add(CONTINUATION + ".activation(Activation.IDENTITY)");
        lines.add(CONTINUATION + ".graphBuilder();");
        for (Node node : plan.order()) {
            lines.add("");
            lines.addAll(JavaText.lineComment(INDENT, comment(node), WIDTH));
            currentNode = node.id();
            translate(node, plan.inputsOf(node).stream().map(Node::id).toList());
        }
        imports.add("org.deeplearning4j.nn.conf.inputs.InputType");
        lines.add("");
        lines.add(INDENT + "// The shape of one example per input, in the order of the network's input arrays.");
        lines.add(INDENT + "graph.setInputTypes(" + plan.inputs().stream().map(n -> inputType(plan.shape(n)))
                .collect(Collectors.joining(", ")) + ");");
        lines.add(INDENT + "graph.setOutputs(" + strings(plan.outputs().stream().map(Node::id).toList()) + ");");
        lines.add(INDENT + "return graph.build();");
        return lines;
    }

    private String comment(Node node) {
        String summary = NetworkPlan.kind(node).summary();
        String settings = DiagramText.settings(node).replace(DiagramText.SEPARATOR, ", ").replace("\u00d7", "x").replace("\u03b1", "alpha");
        TensorShape shape = plan.shape(node);
        long params = plan.info(node).params();
        return node.type() + " \"" + node.id() + "\": " + summary + (settings.isEmpty() ? "" : " (" + settings + ")") + ". Output "
                + shape.toString() + (params == 0 ? "" : ", " + Text.count(params, "parameter")) + ".";
    }

    private String updater() {
        var t = plan.project().training();
        String lr = JavaText.number(t.learningRate());
        return switch (t.optimizer()) {
            case "sgd" -> use("org.nd4j.linalg.learning.config.Sgd", "new Sgd(" + lr + ")");
            case "momentum" -> {
                helpers.add(Helper.CLASSICAL_MOMENTUM);
                yield "new ClassicalMomentum(" + lr + ", " + JavaText.number(Updaters.MOMENTUM) + ")";
            }
            case "nesterov" -> use("org.nd4j.linalg.learning.config.Nesterovs", "new Nesterovs(" + lr + ", " + JavaText.number(Updaters.MOMENTUM) + ")");
            case "adam" -> use("org.nd4j.linalg.learning.config.Adam", "new Adam(" + lr + ")");
            case "rmsprop" -> use("org.nd4j.linalg.learning.config.RmsProp", "new RmsProp(" + lr + ")");
            default -> throw new IllegalStateException("optimizer " + t.optimizer() + " passed the check");
        };
    }

    private void translate(Node node, List<String> in) {
        String id = node.id();
        switch (node.type()) {
            case "Input" -> lines.add(INDENT + "graph.addInputs(" + JavaText.string(id) + ");");
            case "Dense" -> withActivation(node, dl4j("layers.DenseLayer", "new DenseLayer.Builder()").call("nOut(" + width(node, "units") + ")"),
                    false, in.get(0));
            case "Conv2D" -> withActivation(node, dl4j("layers.ConvolutionLayer", "new ConvolutionLayer.Builder("
                    + intArray(node, "kernel") + ", " + intArray(node, "stride") + ")").call("nOut(" + width(node, "filters") + ")")
                    .call("convolutionMode(" + mode(node) + ")"), true, in.get(0));
            case "SimpleRNN" -> withActivation(node, lastStep(node, dl4j("layers.recurrent.SimpleRnn", "new SimpleRnn.Builder()")
                    .call("nOut(" + integer(node, "units") + ")")), false, in.get(0));
            case "LSTM" -> withActivation(node, lastStep(node, dl4j("layers.LSTM", "new LSTM.Builder()")
                    .call("nOut(" + integer(node, "units") + ")")), false, in.get(0));
            case "GRU" -> {
                helpers.add(Helper.GRU_LAYER);
                withActivation(node, lastStep(node, new Layer(List.of(), "new GruLayer.Builder()", List.of())
                        .call("nOut(" + integer(node, "units") + ")")), false, in.get(0));
            }
            case "Embedding" -> {
                helpers.add(Helper.TOKEN_EMBEDDING);
                addLayer(id, frozen(node, new Layer(List.of(), "TokenEmbedding.of(" + integer(node, "vocabulary") + ", "
                        + integer(node, "units") + ", " + plan.shape(node).timeSteps() + ")", List.of())), in.get(0));
            }
            case "Activation" -> activation(node, in.get(0));
            case "Dropout" -> addLayer(id, dl4j("layers.DropoutLayer", "new DropoutLayer.Builder(1.0 - "
                    + JavaText.number(decimal(node, "rate")) + ")"), in.get(0));
            case "BatchNormalization" -> addLayer(id, batchNormalization(node), in.get(0));
            case "Flatten" -> flatten(node, in.get(0));
            case "MaxPooling2D", "AveragePooling2D" -> {
                use("org.deeplearning4j.nn.conf.layers.PoolingType", null);
                String type = node.type().equals("MaxPooling2D") ? "PoolingType.MAX" : "PoolingType.AVG";
                List<Integer> stride = ints(node, "stride");
                addLayer(id, dl4j("layers.SubsamplingLayer", "new SubsamplingLayer.Builder(" + type + ", " + intArray(node, "pool") + ")")
                        .call("stride(" + stride.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
                        .call("convolutionMode(" + mode(node) + ")"), in.get(0));
            }
            case "GlobalAveragePooling2D" -> {
                use("org.deeplearning4j.nn.conf.layers.PoolingType", null);
                addLayer(id, dl4j("layers.GlobalPoolingLayer", "new GlobalPoolingLayer.Builder(PoolingType.AVG)"), in.get(0));
            }
            case "Add" -> addVertex(id, use("org.deeplearning4j.nn.conf.graph.ElementWiseVertex",
                    "new ElementWiseVertex(ElementWiseVertex.Op.Add)"), in);
            case "Concatenate" -> addVertex(id, use("org.deeplearning4j.nn.conf.graph.MergeVertex", "new MergeVertex()"), in);
            case "Output" -> output(node, in.get(0), false);
            case "SequenceOutput" -> output(node, in.get(0), true);
            case "SelfAttention" -> addLayer(id, dl4j("layers.SelfAttentionLayer", "new SelfAttentionLayer.Builder()")
                    .call("nOut(" + plan.shape(node).lastDim() + ")").call("nHeads(" + integer(node, "heads") + ")")
                    .call("headSize(" + integer(node, "headSize") + ")").call("projectInput(true)"), in.get(0));
            default -> throw new IllegalStateException(node.type() + " passed the shape check but has no DL4J translation");
        }
    }

    /** A weighted layer with the node's activation; with prelu, a linear layer and then a PReLU carrying the node's name. */
    private void withActivation(Node node, Layer layer, boolean wholeTensor, String input) {
        String function = (String) NetworkPlan.param(node, "activation");
        if (function.equals("maxout")) {
            lines.add(INDENT + "// maxout: the layer is linear with " + integer(node, "pieces")
                    + " outputs per unit; Maxout keeps the largest of each unit's pieces.");
            String linear = innerName("linear");
            addLayer(linear, frozen(node, withActivation(layer, "Activation.IDENTITY")), input);
            addLayer(node.id(), maxout(node), linear);
            return;
        }
        if (!function.equals("prelu")) {
            double alpha = Activations.defaultAlpha(function);
            addLayer(node.id(), frozen(node, withActivation(layer, activation(function, alpha, wholeTensor))), input);
            return;
        }
        lines.add(INDENT + "// prelu: the layer stays linear and a learned PReLU follows it, one slope per value.");
        String linear = innerName("linear");
        addLayer(linear, frozen(node, withActivation(layer, "Activation.IDENTITY")), input);
        addLayer(node.id(), frozen(node, prelu(plan.shape(node))), linear);
    }

    /** Sets the activation, and He initialisation for ReLU layers (Xavier, the network default, otherwise). */
    private Layer withActivation(Layer layer, String activation) {
        Layer l = layer.call("activation(" + activation + ")");
        return activation.equals("Activation.RELU") ? l.call("weightInit(WeightInit.RELU)") : l;
    }

    private void activation(Node node, String input) {
        String function = (String) NetworkPlan.param(node, "function");
        if (function.equals("prelu")) {
            addLayer(node.id(), prelu(plan.shape(node)), input);
            return;
        }
        if (function.equals("maxout")) {
            addLayer(node.id(), maxout(node), input);
            return;
        }
        boolean vector = plan.shape(node).kind() == TensorShape.Kind.FEATURES;
        String fn = activation(function, decimal(node, "alpha"), !vector);
        addLayer(node.id(), dl4j("layers.ActivationLayer", "new ActivationLayer.Builder()").call("activation(" + fn + ")"), input);
    }

    private void flatten(Node node, String input) {
        TensorShape in = plan.shape(plan.inputsOf(node).get(0));
        if (in.kind() == TensorShape.Kind.IMAGE) {
            use("org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor", null);
            addVertex(node.id(), use("org.deeplearning4j.nn.conf.graph.PreprocessorVertex", "new PreprocessorVertex(new CnnToFeedForwardPreProcessor("
                    + in.height() + ", " + in.width() + ", " + in.channels() + "))"), List.of(input));
        } else {
            lines.add(INDENT + "// Reshaped rather than preprocessed: DL4J's RNN-to-feed-forward step would fold time into the batch.");
            addVertex(node.id(), use("org.deeplearning4j.nn.conf.graph.ReshapeVertex",
                    "new ReshapeVertex('c', new int[] {-1, " + Math.toIntExact(in.size()) + "}, null)"), List.of(input));
        }
    }

    private void output(Node node, String input, boolean sequence) {
        String function = (String) NetworkPlan.param(node, "activation");
        String loss = loss(node);
        int units = integer(node, "units");
        if (function.equals("maxout") && !sequence) {
            lines.add(INDENT + "// maxout: the loss comes last, so a linear layer of " + integer(node, "pieces")
                    + " outputs per unit, the Maxout, then the loss alone.");
            String linear = innerName("linear");
            addLayer(linear, dl4j("layers.DenseLayer", "new DenseLayer.Builder()").call("nOut(" + width(node, "units") + ")")
                    .call("activation(Activation.IDENTITY)"), input);
            String maxout = innerName("maxout");
            addLayer(maxout, maxout(node), linear);
            lossOnly(node, loss, units, maxout);
            return;
        }
        if (!function.equals("prelu")) {
            String activation = activation(function, Activations.defaultAlpha(function), false);
            Layer layer = sequence ? dl4j("layers.RnnOutputLayer", "new RnnOutputLayer.Builder(" + loss + ")")
                    : dl4j("layers.OutputLayer", "new OutputLayer.Builder(" + loss + ")");
            addLayer(node.id(), withActivation(layer.call("nOut(" + units + ")"), activation), input);
            return;
        }
        lines.add(INDENT + "// prelu: an output layer applies its loss at once, so a linear layer, the PReLU, then the loss alone.");
        String linear = innerName("linear");
        Layer dense = dl4j("layers.DenseLayer", "new DenseLayer.Builder()").call("nOut(" + units + ")").call("activation(Activation.IDENTITY)");
        if (sequence) {
            use("org.deeplearning4j.nn.conf.RNNFormat", null);
            dense = dense.wrappedIn(use("org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed", "TimeDistributed"), ", RNNFormat.NCW");
        }
        addLayer(linear, dense, input);
        String prelu = innerName("prelu");
        addLayer(prelu, prelu(plan.shape(node)), linear);
        if (sequence) {
            addLayer(node.id(), dl4j("layers.RnnLossLayer", "new RnnLossLayer.Builder(" + loss + ")").call("activation(Activation.IDENTITY)"), prelu);
            return;
        }
        lossOnly(node, loss, units, prelu);
    }

    /** The node's loss as a layer of its own, after the helper layer that computes its values. */
    private void lossOnly(Node node, String loss, int units, String input) {
        use("org.deeplearning4j.nn.conf.layers.LossLayer", null);
        String variable = variable(node.id(), "Loss");
        List<String> chain = dl4j("layers.LossLayer", "new LossLayer.Builder(" + loss + ")").call("activation(Activation.IDENTITY)")
                .lines("LossLayer " + variable + " = ", ";");
        lines.addAll(chain);
        lines.add(INDENT + "// Its builder refuses sizes, but without them DL4J reports a size-0 output type.");
        lines.add(INDENT + variable + ".setNIn(" + units + ");");
        lines.add(INDENT + variable + ".setNOut(" + units + ");");
        lines.add(INDENT + "graph.addLayer(" + JavaText.string(node.id()) + ", " + variable + ", " + JavaText.string(input) + ");");
        taken.add(node.id());
    }

    /** LayerLab's Maxout layer, which the generated file defines. */
    private Layer maxout(Node node) {
        helpers.add(Helper.MAXOUT);
        return new Layer(List.of(), "new Maxout(" + integer(node, "pieces") + ")", List.of());
    }

    /** The number of outputs the layer computes: with maxout, pieces for each unit ("5 * 3"). */
    private static String width(Node node, String units) {
        if (!"maxout".equals(NetworkPlan.param(node, "activation"))) return String.valueOf(integer(node, units));
        return integer(node, units) + " * " + integer(node, "pieces");
    }

    /** One learned slope per value, starting at 0.25; the shape in DL4J's layout ([c, h, w] for an image, [f, t] for a sequence). */
    private Layer prelu(TensorShape shape) {
        use("org.deeplearning4j.nn.weights.WeightInitConstant", null);
        int[] d = shape.dims();
        String dims = switch (shape.kind()) {
            case FEATURES -> d[0] + "";
            case IMAGE -> d[2] + ", " + d[0] + ", " + d[1];
            case SEQUENCE -> d[1] + ", " + d[0];
        };
        return dl4j("layers.PReLULayer", "new PReLULayer.Builder()").call("inputShape(" + dims + ")")
                .call("weightInit(new WeightInitConstant(" + JavaText.number(PRELU_INITIAL_ALPHA) + "))");
    }

    private Layer lastStep(Node node, Layer recurrent) {
        if (Boolean.TRUE.equals(NetworkPlan.param(node, "returnSequences"))) return recurrent;
        return recurrent.wrappedIn(use("org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep", "LastTimeStep"), "");
    }

    /** "frozen": the weights stay fixed, but gradients still flow through to earlier layers. */
    private Layer frozen(Node node, Layer layer) {
        if (!Boolean.TRUE.equals(node.param("frozen"))) return layer;
        return layer.wrappedIn(use("org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop", "FrozenLayerWithBackprop"), "");
    }

    /** Frozen, LayerLab's own layer, which keeps its statistics too; DL4J cannot freeze its batch normalisation. */
    private Layer batchNormalization(Node node) {
        if (!Boolean.TRUE.equals(node.param("frozen"))) return dl4j("layers.BatchNormalization", "new BatchNormalization.Builder()");
        helpers.add(Helper.FROZEN_BATCH_NORMALIZATION);
        return new Layer(List.of(), "new FrozenBatchNormalization()", List.of());
    }

    /**
     * The DL4J activation for a function name, as io.layerlab.compile.Activations makes it.
     *
     * @param perPosition applied to a whole image or sequence: softmax then normalises each position's features
     */
    private String activation(String function, double alpha, boolean perPosition) {
        return switch (function) {
            case "linear" -> "Activation.IDENTITY";
            case "sigmoid" -> "Activation.SIGMOID";
            case "tanh" -> "Activation.TANH";
            case "relu" -> "Activation.RELU";
            case "swish" -> "Activation.SWISH";
            case "softmax" -> {
                if (!perPosition) yield "Activation.SOFTMAX";
                helpers.add(Helper.FEATURE_SOFTMAX);
                yield "new FeatureSoftmax()";
            }
            case "gelu" -> use("org.nd4j.linalg.activations.impl.ActivationGELU", "new ActivationGELU(true)");
            case "leakyrelu" -> use("org.nd4j.linalg.activations.impl.ActivationLReLU", "new ActivationLReLU(" + JavaText.number(alpha) + ")");
            case "elu" -> use("org.nd4j.linalg.activations.impl.ActivationELU", "new ActivationELU(" + JavaText.number(alpha) + ")");
            case "step" -> {
                helpers.add(Helper.STEP);
                yield "new StepActivation()";
            }
            default -> throw new IllegalStateException("activation " + function + " passed the shape check but has no DL4J translation");
        };
    }

    private String loss(Node node) {
        use("org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction", null);
        String loss = (String) NetworkPlan.param(node, "loss");
        return "LossFunction." + switch (loss) {
            case "mcxent" -> "MCXENT";
            case "xent" -> "XENT";
            case "mse" -> "MSE";
            case "mae" -> "MEAN_ABSOLUTE_ERROR";
            default -> throw new IllegalStateException("loss " + loss + " passed the shape check");
        };
    }

    private String mode(Node node) {
        use("org.deeplearning4j.nn.conf.ConvolutionMode", null);
        return "same".equals(NetworkPlan.param(node, "padding")) ? "ConvolutionMode.Same" : "ConvolutionMode.Truncate";
    }

    private void addLayer(String name, Layer layer, String input) {
        lines.addAll(layer.lines("graph.addLayer(" + JavaText.string(name) + ", ", ", " + JavaText.string(input) + ");"));
        taken.add(name);
    }

    private void addVertex(String name, String vertex, Collection<String> inputs) {
        lines.add(INDENT + "graph.addVertex(" + JavaText.string(name) + ", " + vertex + ", " + strings(inputs) + ");");
        taken.add(name);
    }

    /** A free vertex name for a helper vertex of the current node, as the compiler picks it ("dense1_linear"). */
    private String innerName(String role) {
        String base = currentNode + "_" + role;
        String name = base;
        for (int i = 2; taken.contains(name); i++) name = base + i;
        taken.add(name);
        return name;
    }

    private String variable(String id, String role) {
        String base = JavaText.variable(id, role);
        String name = base;
        for (int i = 2; !variables.add(name); i++) name = base + i;
        return name;
    }

    private Layer dl4j(String layerClass, String start) {
        use("org.deeplearning4j.nn.conf." + layerClass, null);
        return new Layer(List.of(), start, List.of());
    }

    /** Records an import; returns {@code code} for use in an expression. */
    private String use(String qualifiedName, String code) {
        imports.add(qualifiedName);
        return code;
    }

    private static String strings(Collection<String> values) {
        return values.stream().map(JavaText::string).collect(Collectors.joining(", "));
    }

    private static String inputType(TensorShape s) {
        return switch (s.kind()) {
            case FEATURES -> "InputType.feedForward(" + s.dim(0) + ")";
            case SEQUENCE -> "InputType.recurrent(" + s.dim(1) + ", " + s.dim(0) + ")";
            case IMAGE -> "InputType.convolutional(" + s.dim(0) + ", " + s.dim(1) + ", " + s.dim(2) + ")";
        };
    }

    private static int integer(Node node, String name) { return ((Number) NetworkPlan.param(node, name)).intValue(); }

    private static double decimal(Node node, String name) { return ((Number) NetworkPlan.param(node, name)).doubleValue(); }

    @SuppressWarnings("unchecked")
    private static List<Integer> ints(Node node, String name) {
        return ((List<Object>) NetworkPlan.param(node, name)).stream().map(o -> ((Number) o).intValue()).toList();
    }

    private static String intArray(Node node, String name) {
        return "new int[] {" + ints(node, name).stream().map(String::valueOf).collect(Collectors.joining(", ")) + "}";
    }

    /**
     * A layer expression: a builder with its calls, inside zero or more wrapping layers
     * ({@code new LastTimeStep(...)}), written on one line when it fits, else one call per line.
     *
     * @param wrappers outermost first, each with the arguments that follow the wrapped layer
     */
    private record Layer(List<String[]> wrappers, String start, List<String> calls) {
        /** Adds a call to the builder; wrappers stay around it. */
        Layer call(String call) {
            List<String> c = new ArrayList<>(calls);
            c.add(call);
            return new Layer(wrappers, start, c);
        }

        Layer wrappedIn(String wrapperClass, String extraArguments) {
            List<String[]> w = new ArrayList<>();
            w.add(new String[] {wrapperClass, extraArguments});
            w.addAll(wrappers);
            return new Layer(w, start, calls);
        }

        List<String> lines(String head, String tail) {
            StringBuilder open = new StringBuilder();
            StringBuilder close = new StringBuilder();
            for (String[] w : wrappers) open.append("new ").append(w[0]).append('(');
            for (int i = wrappers.size() - 1; i >= 0; i--) close.append(wrappers.get(i)[1]).append(')');
            String build = start.contains("Builder(") ? ".build()" : "";
            String inline = INDENT + head + open + start + calls.stream().map(c -> "." + c).collect(Collectors.joining())
                    + build + close + tail;
            if (inline.length() <= WIDTH) return List.of(inline);
            List<String> out = new ArrayList<>();
            out.add(INDENT + head + open + start);
            for (String c : calls) out.add(CONTINUATION + "." + c);
            out.add(CONTINUATION + build + close + tail);
            return out;
        }
    }
}
