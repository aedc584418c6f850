package io.layerlab.compile;

import io.layerlab.compile.layers.FrozenBatchNormalization;
import io.layerlab.compile.layers.GruLayer;
import io.layerlab.compile.layers.TokenEmbedding;
import io.layerlab.graph.Node;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitConstant;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

import java.util.List;
import java.util.function.Function;

/**
 * Builds the DL4J vertices of one node, following the team's agreed semantics. The vertex that
 * carries the node's output is always named after the node; helper vertices (the linear layer
 * before a learned PReLU, for example) get names derived from it.
 *
 * <p>Layouts: DL4J keeps images as [batch, channels, height, width] and sequences as
 * [batch, features, time]; a node's [h, w, c] image or [t, f] sequence is that data in DL4J's order.
 */
final class NodeTranslator {
    /** Initial PReLU slope: 0.25, as in He et al. (2015), so a PReLU starts as a leaky ReLU. */
    static final double PRELU_INITIAL_ALPHA = 0.25;

    private final NetworkAssembly net;

    NodeTranslator(NetworkAssembly net) { this.net = net; }

    /**
     * Adds the node's vertices, fed by the output vertices of its inputs in port order.
     *
     * @return the name of the vertex holding the node's output
     */
    String translate(Node node, List<String> inputs) {
        NodeParams p = new NodeParams(node);
        String id = node.id();
        return switch (node.type()) {
            case "Input" -> input(id, p);
            case "Dense" -> withActivation(id, p, a -> init(new DenseLayer.Builder().nOut(p.integer("units")), a).build(), inputs.get(0));
            case "Conv2D" -> withActivation(id, p, a -> init(new ConvolutionLayer.Builder(p.ints("kernel"), p.ints("stride"))
                    .nOut(p.integer("filters")).convolutionMode(mode(p)), a).build(), inputs.get(0), true);
            case "SimpleRNN" -> withActivation(id, p, a -> lastStepUnlessSequences(p,
                    init(new SimpleRnn.Builder().nOut(p.integer("units")), a).build()), inputs.get(0));
            case "LSTM" -> withActivation(id, p, a -> lastStepUnlessSequences(p,
                    init(new LSTM.Builder().nOut(p.integer("units")), a).build()), inputs.get(0));
            case "GRU" -> withActivation(id, p, a -> lastStepUnlessSequences(p,
                    init(new GruLayer.Builder().nOut(p.integer("units")), a).build()), inputs.get(0));
            case "Embedding" -> net.addLayer(id, frozen(p, TokenEmbedding.of(p.integer("vocabulary"), p.integer("units"),
                    (int) ((InputType.InputTypeRecurrent) net.typeOf(inputs.get(0))).getTimeSeriesLength())), inputs.get(0));
            case "Activation" -> activation(id, p, inputs.get(0));
            case "Dropout" -> net.addLayer(id, new DropoutLayer.Builder(1.0 - p.decimal("rate")).build(), inputs.get(0));
            case "BatchNormalization" -> net.addLayer(id, batchNormalization(p), inputs.get(0));
            case "Flatten" -> flatten(id, inputs.get(0));
            case "MaxPooling2D" -> pooling(id, p, PoolingType.MAX, inputs.get(0));
            case "AveragePooling2D" -> pooling(id, p, PoolingType.AVG, inputs.get(0));
            case "GlobalAveragePooling2D" -> net.addLayer(id, new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), inputs.get(0));
            case "Add" -> net.addVertex(id, new ElementWiseVertex(ElementWiseVertex.Op.Add), inputs);
            case "Concatenate" -> net.addVertex(id, new MergeVertex(), inputs);
            case "Output" -> output(id, p, inputs.get(0));
            case "SequenceOutput" -> sequenceOutput(id, p, inputs.get(0));
            case "SelfAttention" -> net.addLayer(id, SelfAttention.layer(p.integer("heads"), p.integer("headSize"),
                    net.typeOf(inputs.get(0))), inputs.get(0));
            default -> throw new IllegalArgumentException("the compiler has no translation for " + node.type() + " layers");
        };
    }

    private String input(String id, NodeParams p) {
        int[] s = p.ints("shape");
        InputType type = switch (s.length) {
            case 1 -> InputType.feedForward(s[0]);
            case 2 -> InputType.recurrent(s[1], s[0]);
            case 3 -> InputType.convolutional(s[0], s[1], s[2]);
            default -> throw new IllegalArgumentException("a shape has 1, 2 or 3 values, not " + s.length);
        };
        net.addInput(id, type);
        return id;
    }

    /**
     * A weighted layer with the node's activation. With "prelu" the layer stays linear and a
     * learned PReLU follows it, carrying the node's name.
     */
    private String withActivation(String id, NodeParams p, Function<IActivation, Layer> layerWith, String input) {
        return withActivation(id, p, layerWith, input, false);
    }

    /** @param wholeTensor the layer applies its activation to a whole image, not to one vector at a time */
    private String withActivation(String id, NodeParams p, Function<IActivation, Layer> layerWith, String input,
                                  boolean wholeTensor) {
        String function = p.string("activation");
        if (function.equals(Activations.MAXOUT)) {
            return MaxoutVertices.layer(net, id, layerWith.apply(new ActivationIdentity()), p.integer("pieces"), l -> frozen(p, l), input);
        }
        if (!function.equals(Activations.PRELU)) {
            double alpha = Activations.defaultAlpha(function);
            IActivation fn = wholeTensor ? Activations.perPosition(function, alpha) : Activations.of(function, alpha);
            Layer layer = layerWith.apply(fn);
            return net.addLayer(id, frozen(p, layer), input);
        }
        String linear = net.addLayer(net.innerName("linear"), frozen(p, layerWith.apply(new ActivationIdentity())), input);
        return net.addLayer(id, frozen(p, prelu(net.typeOf(linear))), linear);
    }

    private String activation(String id, NodeParams p, String input) {
        String function = p.string("function");
        if (function.equals(Activations.PRELU)) return net.addLayer(id, prelu(net.typeOf(input)), input);
        if (function.equals(Activations.MAXOUT)) return net.addLayer(id, new Maxout(p.integer("pieces")), input);
        boolean vector = net.typeOf(input) instanceof InputType.InputTypeFeedForward;
        IActivation fn = vector ? Activations.of(function, p.decimal("alpha")) : Activations.perPosition(function, p.decimal("alpha"));
        return net.addLayer(id, new ActivationLayer.Builder().activation(fn).build(), input);
    }

    private String flatten(String id, String input) {
        InputType in = net.typeOf(input);
        if (in instanceof InputType.InputTypeConvolutional c) {
            return net.addVertex(id, new PreprocessorVertex(
                    new CnnToFeedForwardPreProcessor(c.getHeight(), c.getWidth(), c.getChannels())), List.of(input));
        }
        // RnnToFeedForwardPreProcessor would fold time into the batch; a flatten keeps each example whole.
        long size = in.arrayElementsPerExample();
        return net.addVertex(id, new ReshapeVertex('c', new int[] {-1, Math.toIntExact(size)}, null), List.of(input));
    }

    private String pooling(String id, NodeParams p, PoolingType type, String input) {
        Layer layer = new SubsamplingLayer.Builder(type, p.ints("pool")).stride(p.ints("stride")).convolutionMode(mode(p)).build();
        return net.addLayer(id, layer, input);
    }

    private String output(String id, NodeParams p, String input) {
        String function = p.string("activation");
        LossFunction loss = Losses.of(p.string("loss"));
        int units = p.integer("units");
        if (function.equals(Activations.MAXOUT)) return MaxoutVertices.output(net, id, units, p.integer("pieces"), loss, input);
        if (!function.equals(Activations.PRELU)) {
            IActivation fn = Activations.of(function, Activations.defaultAlpha(function));
            return net.addLayer(id, init(new OutputLayer.Builder(loss).nOut(units), fn).build(), input);
        }
        // An output layer applies its loss at once, so a PReLU cannot follow it: linear layer, PReLU, then the loss.
        String linear = net.addLayer(net.innerName("linear"),
                new DenseLayer.Builder().nOut(units).activation(new ActivationIdentity()).build(), input);
        String prelu = net.addLayer(net.innerName("prelu"), prelu(net.typeOf(linear)), linear);
        LossLayer lossLayer = new LossLayer.Builder(loss).activation(new ActivationIdentity()).build();
        // Its builder refuses sizes, but without them DL4J reports a size-0 output type (and warns).
        lossLayer.setNIn(units);
        lossLayer.setNOut(units);
        return net.addLayer(id, lossLayer, prelu);
    }

    private String sequenceOutput(String id, NodeParams p, String input) {
        String function = p.string("activation");
        LossFunction loss = Losses.of(p.string("loss"));
        int units = p.integer("units");
        if (!function.equals(Activations.PRELU)) {
            IActivation fn = Activations.of(function, Activations.defaultAlpha(function));
            return net.addLayer(id, init(new RnnOutputLayer.Builder(loss).nOut(units), fn).build(), input);
        }
        Layer perStep = new TimeDistributed(new DenseLayer.Builder().nOut(units).activation(new ActivationIdentity()).build(),
                RNNFormat.NCW);
        String linear = net.addLayer(net.innerName("linear"), perStep, input);
        String prelu = net.addLayer(net.innerName("prelu"), prelu(net.typeOf(linear)), linear);
        return net.addLayer(id, new RnnLossLayer.Builder(loss).activation(new ActivationIdentity()).build(), prelu);
    }

    /** One learned slope per value of the input (Keras' PReLU without shared axes). */
    private static Layer prelu(InputType in) {
        long[] shape;
        if (in instanceof InputType.InputTypeFeedForward f) {
            shape = new long[] {f.getSize()};
        } else if (in instanceof InputType.InputTypeConvolutional c) {
            shape = new long[] {c.getChannels(), c.getHeight(), c.getWidth()};
        } else if (in instanceof InputType.InputTypeRecurrent r && r.getTimeSeriesLength() > 0) {
            shape = new long[] {r.getSize(), r.getTimeSeriesLength()};
        } else {
            throw new IllegalArgumentException("a PReLU needs an input of known size, got " + in);
        }
        return new PReLULayer.Builder().inputShape(shape).weightInit(new WeightInitConstant(PRELU_INITIAL_ALPHA)).build();
    }

    private static Layer lastStepUnlessSequences(NodeParams p, Layer recurrent) {
        return p.bool("returnSequences") ? recurrent : new LastTimeStep(recurrent);
    }

    /** "frozen": the weights stay fixed, but gradients still flow through to earlier layers. */
    private static Layer frozen(NodeParams p, Layer layer) {
        return isFrozen(p) ? new FrozenLayerWithBackprop(layer) : layer;
    }

    /** Frozen, it also keeps its statistics and normalises with them in training, as Keras' non-trainable one does. */
    private static Layer batchNormalization(NodeParams p) {
        return isFrozen(p) ? new FrozenBatchNormalization() : new BatchNormalization.Builder().build();
    }

    private static boolean isFrozen(NodeParams p) {
        return p.has("frozen") && p.bool("frozen");
    }

    private static ConvolutionMode mode(NodeParams p) {
        return p.string("padding").equals("same") ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    /** Sets the activation, and He initialisation for ReLU layers (Xavier, the network default, otherwise). */
    private static <B extends org.deeplearning4j.nn.conf.layers.BaseLayer.Builder<B>> B init(B builder, IActivation fn) {
        builder.activation(fn);
        if (fn instanceof ActivationReLU) builder.weightInit(WeightInit.RELU);
        return builder;
    }
}
