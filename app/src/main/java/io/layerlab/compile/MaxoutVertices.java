package io.layerlab.compile;

import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The vertices of maxout as a layer's activation: the layer made linear and {@code pieces} times
 * as wide (units*pieces outputs, so pieces times the weights and biases), then {@link Maxout}
 * keeping the largest of each unit's pieces under the node's name.
 */
final class MaxoutVertices {
    private MaxoutVertices() { }

    /**
     * @param linear the node's layer with an identity activation and its own number of outputs
     * @param wrap   applied to the widened layer before it is added (the node's "frozen" wrapper)
     * @return the vertex holding the node's output
     */
    static String layer(NetworkAssembly net, String id, Layer linear, int pieces, java.util.function.UnaryOperator<Layer> wrap,
                        String input) {
        widen(linear, pieces);
        String inner = net.addLayer(net.innerName("linear"), wrap.apply(linear), input);
        return net.addLayer(id, new Maxout(pieces), inner);
    }

    /** An output with maxout: a linear Dense of units*pieces, the maxout, then the loss alone. */
    static String output(NetworkAssembly net, String id, int units, int pieces, LossFunction loss, String input) {
        String inner = net.addLayer(net.innerName("linear"),
                new DenseLayer.Builder().nOut((long) units * pieces).activation(new ActivationIdentity()).build(), input);
        String maxout = net.addLayer(net.innerName("maxout"), new Maxout(pieces), inner);
        LossLayer lossLayer = new LossLayer.Builder(loss).activation(new ActivationIdentity()).build();
        // Its builder refuses sizes, but without them DL4J reports a size-0 output type (and warns).
        lossLayer.setNIn(units);
        lossLayer.setNOut(units);
        return net.addLayer(id, lossLayer, maxout);
    }

    private static void widen(Layer layer, int pieces) {
        if (!(layer instanceof FeedForwardLayer f)) {
            throw new IllegalArgumentException("maxout widens a Dense or Conv2D layer, not " + layer.getClass().getSimpleName());
        }
        f.setNOut(f.getNOut() * pieces);
    }
}
