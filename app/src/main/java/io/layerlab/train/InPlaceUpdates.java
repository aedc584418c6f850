package io.layerlab.train;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Lets DL4J's updater update the network's own gradient array in place, as it was written to.
 *
 * <h2>Why</h2>
 * DL4J's updater takes one of two paths: the usual one, for gradients in the network's own gradient
 * array, works on views of that array made once; the other, for gradients from elsewhere (another
 * network's), makes fresh views of the parameters and gradients, several per parameter, on every
 * iteration. It tells them apart by whether the gradient's array <em>is</em> the network's. In
 * 1.0.0-M2.1 the gradient hands out a new one-dimensional view of that array each time it is asked,
 * so the test always fails and every iteration takes the second path over the same memory. Each of
 * those views is a tracked native buffer: with it the spiral sample made 75 an iteration instead of
 * 125. This listener, told when the gradient has been computed, puts in a gradient that hands out
 * the network's array itself; DL4J then takes the usual path and computes the same numbers (bit for
 * bit in all five samples). The command line's samples/s rose by 0-15 % (two alternating runs each
 * way per sample, within their noise); a bare DL4J loop on the spiral's network, 1.15-1.3 times.
 *
 * <p>It only steps in when the gradient's array is a view of the network's own (same memory, same
 * length); any other gradient is left as it was.
 */
public final class InPlaceUpdates extends BaseTrainingListener {
    private InPlaceUpdates() { }

    /** Adds the listener to {@code net} unless it has it already. */
    public static void attachTo(ComputationGraph net) {
        for (TrainingListener listener : net.getListeners()) {
            if (listener instanceof InPlaceUpdates) {
                return;
            }
        }
        net.addListeners(new InPlaceUpdates());
    }

    @Override
    public void onGradientCalculation(Model model) {
        if (!(model instanceof ComputationGraph graph)) {
            return;
        }
        Gradient computed = graph.gradient();
        INDArray network = graph.getFlattenedGradients();
        if (computed == null || network == null || computed instanceof NetworkArrayGradient) {
            return;
        }
        INDArray given = computed.gradient();
        if (given != network && given.length() == network.length()
                && given.data().address() == network.data().address()) {
            graph.setGradient(new NetworkArrayGradient(computed, network));
        }
    }

    /** The computed gradient, but handing out the network's gradient array itself. */
    private record NetworkArrayGradient(Gradient computed, INDArray network) implements Gradient {
        @Override
        public Map<String, INDArray> gradientForVariable() {
            return computed.gradientForVariable();
        }

        @Override
        public INDArray gradient(List<String> order) {
            return computed.gradient(order);
        }

        @Override
        public INDArray gradient() {
            return network;
        }

        @Override
        public void clear() {
            computed.clear();
        }

        @Override
        public INDArray getGradientFor(String variable) {
            return computed.getGradientFor(variable);
        }

        @Override
        public INDArray setGradientFor(String variable, INDArray gradient) {
            return computed.setGradientFor(variable, gradient);
        }

        @Override
        public INDArray setGradientFor(String variable, INDArray gradient, Character flatteningOrder) {
            return computed.setGradientFor(variable, gradient, flatteningOrder);
        }

        @Override
        public Character flatteningOrderForVariable(String variable) {
            return computed.flatteningOrderForVariable(variable);
        }
    }
}
