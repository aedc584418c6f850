package io.layerlab.train;

import io.layerlab.catalog.Catalog;
import io.layerlab.compile.CompiledModel;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Looks inside the layers while a network trains: per node, the mean absolute gradient, the
 * fraction of dead ReLU units, the fraction of saturated sigmoid/tanh outputs and the size of the
 * update relative to the weights (see {@link LayerStats}).
 *
 * <h2>Cost</h2>
 * It hooks into DL4J's own training callbacks, so it measures the minibatch the trainer is fitting
 * anyway: the activations of the forward pass, the raw gradient before the optimiser turns it into
 * an update, and the parameters before and after that update. Nothing is recomputed. On iterations
 * its {@link ObserverRate} does not admit, each callback returns after one field check; on a
 * sampled iteration it copies the watched activations and the node's parameters once.
 * {@link #DEFAULT_RATE} keeps that to at most five samples a second, and it skips samples as needed to
 * spend at most {@link #TIME_SHARE} of the training time whatever the network's size.
 *
 * <h2>Threads</h2>
 * Everything runs on the training thread, inside {@code net.fit}; the sink receives each
 * {@link LayerStatsEvent} there and must hand it on quickly.
 */
public final class LayerStatistics {
    /** Every 10th iteration, and at most five times a second. */
    public static final ObserverRate DEFAULT_RATE = ObserverRate.everyIterations(10).atMostEveryAlso(Duration.ofMillis(200));
    /** Sigmoid outputs below 1 - this or above it, and tanh outputs beyond ± this, count as saturated. */
    public static final double SATURATION_LEVEL = 0.97;
    /** The largest share of training time spent measuring. */
    public static final double TIME_SHARE = 0.01;

    private enum Watch { DEAD_UNITS, SATURATION_SIGMOID, SATURATION_TANH, NONE }

    /** One node: the vertex holding its output, and the layers holding its parameters. */
    private record Probe(String nodeId, String activation, Watch watch, String outputVertex, List<Layer> layers) {
    }

    private final ComputationGraph net;
    private final List<Probe> probes;
    private final Throttle throttle;
    private final Consumer<LayerStatsEvent> sink;
    private final TrainingListener listener = new Listener();
    private final DutyCycle duty;
    private long sampleStart;
    private long sampleCost;
    private long spentNanos;
    private int samples;

    private int completedIterations;
    private boolean armed;
    private boolean sawForwardPass;
    private final double[] dead;
    private final double[] saturated;
    private final double[] gradient;
    private final INDArray[][] parametersBefore;

    private LayerStatistics(ComputationGraph net, List<Probe> probes, ObserverRate rate, double timeShare,
                            Consumer<LayerStatsEvent> sink) {
        this.net = net;
        this.duty = new DutyCycle(timeShare);
        this.probes = probes;
        this.throttle = new Throttle(rate);
        this.sink = sink;
        this.dead = new double[probes.size()];
        this.saturated = new double[probes.size()];
        this.gradient = new double[probes.size()];
        this.parametersBefore = new INDArray[probes.size()][];
        this.armed = throttle.admit(1, System.nanoTime());
    }

    /**
     * Starts measuring {@code run}'s network at {@code rate}, within {@link #TIME_SHARE} of the
     * training time. Call before training starts.
     *
     * @param graph the graph the run was compiled from (it says which activation each node uses)
     * @param rate  which iterations to sample; epoch-only rates sample nothing
     * @param sink  receives each sample on the training thread
     */
    public static LayerStatistics attach(ProjectRun run, Graph graph, ObserverRate rate, Consumer<LayerStatsEvent> sink) {
        return attach(run.network(), run.model(), graph, rate, TIME_SHARE, sink);
    }

    /**
     * @param timeShare the largest share of training time spent measuring (1 to sample exactly at
     *                  {@code rate}, whatever it costs)
     */
    public static LayerStatistics attach(ComputationGraph net, CompiledModel model, Graph graph, ObserverRate rate,
                                         double timeShare, Consumer<LayerStatsEvent> sink) {
        Objects.requireNonNull(sink, "sink");
        LayerStatistics statistics = new LayerStatistics(net, probes(net, model, graph), rate, timeShare, sink);
        net.addListeners(statistics.listener);
        return statistics;
    }

    /** Stops measuring; the network trains on without the hooks. */
    public void detach() {
        List<TrainingListener> remaining = new ArrayList<>(net.getListeners());
        remaining.remove(listener);
        net.setListeners(remaining);
    }

    /** Time spent measuring so far, on the training thread. */
    public long spentNanos() {
        return spentNanos;
    }

    /** Samples taken so far. */
    public int samples() {
        return samples;
    }

    /** Node ids measured, in the graph's order. */
    public List<String> nodeIds() {
        return probes.stream().map(Probe::nodeId).toList();
    }

    private static List<Probe> probes(ComputationGraph net, CompiledModel model, Graph graph) {
        List<Probe> probes = new ArrayList<>();
        for (Node node : graph.nodes()) {
            List<String> vertices = model.verticesOf(node.id());
            if (vertices.isEmpty() || node.type().equals("Input")) {
                continue;
            }
            List<Layer> layers = new ArrayList<>();
            for (String name : vertices) {
                GraphVertex vertex = net.getVertex(name);
                if (vertex != null && vertex.hasLayer() && vertex.getLayer().numParams() > 0) {
                    layers.add(vertex.getLayer());
                }
            }
            String activation = activationOf(node);
            Watch watch = watchFor(activation);
            if (!layers.isEmpty() || watch != Watch.NONE) {
                probes.add(new Probe(node.id(), activation, watch, model.vertexOf(node.id()), List.copyOf(layers)));
            }
        }
        return List.copyOf(probes);
    }

    private static String activationOf(Node node) {
        String name = node.type().equals("Activation") ? "function" : "activation";
        Object value = Catalog.effectiveParam(node.type(), node.params(), name);
        return value == null ? null : value.toString();
    }

    private static Watch watchFor(String activation) {
        if (activation == null) {
            return Watch.NONE;
        }
        return switch (activation) {
            case "relu" -> Watch.DEAD_UNITS;
            case "sigmoid" -> Watch.SATURATION_SIGMOID;
            case "tanh" -> Watch.SATURATION_TANH;
            default -> Watch.NONE;
        };
    }

    private void measureActivations(Map<String, INDArray> activations) {
        sawForwardPass = true;
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            dead[i] = Double.NaN;
            saturated[i] = Double.NaN;
            INDArray output = probe.watch() == Watch.NONE ? null : activations.get(probe.outputVertex());
            if (output == null) {
                continue;
            }
            float[] values = output.dup('c').castTo(DataType.FLOAT).data().asFloat();
            switch (probe.watch()) {
                case DEAD_UNITS -> dead[i] = deadFraction(values, output.shape());
                case SATURATION_SIGMOID -> saturated[i] = sigmoidSaturation(values);
                case SATURATION_TANH -> saturated[i] = tanhSaturation(values);
                default -> { }
            }
        }
    }

    /** Units (axis 1: features, channels) that are 0 for every example and position. */
    static double deadFraction(float[] values, long[] shape) {
        if (shape.length < 2) {
            return Double.NaN;
        }
        int units = (int) shape[1];
        long perExample = values.length / shape[0];
        long positions = perExample / units;
        boolean[] alive = new boolean[units];
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0) {
                alive[(int) ((i % perExample) / positions)] = true;
            }
        }
        int deadUnits = 0;
        for (boolean a : alive) {
            if (!a) {
                deadUnits++;
            }
        }
        return units == 0 ? Double.NaN : (double) deadUnits / units;
    }

    static double sigmoidSaturation(float[] values) {
        int count = 0;
        for (float v : values) {
            if (v < 1 - SATURATION_LEVEL || v > SATURATION_LEVEL) {
                count++;
            }
        }
        return values.length == 0 ? Double.NaN : (double) count / values.length;
    }

    static double tanhSaturation(float[] values) {
        int count = 0;
        for (float v : values) {
            if (Math.abs(v) > SATURATION_LEVEL) {
                count++;
            }
        }
        return values.length == 0 ? Double.NaN : (double) count / values.length;
    }

    /** Called with the raw gradient in the layers' gradient views, before the optimiser rewrites them. */
    private void measureGradients() {
        for (int i = 0; i < probes.size(); i++) {
            List<Layer> layers = probes.get(i).layers();
            double sum = 0;
            long count = 0;
            INDArray[] before = new INDArray[layers.size()];
            for (int l = 0; l < layers.size(); l++) {
                Layer layer = layers.get(l);
                INDArray view = layer.getGradientsViewArray();
                if (view != null) {
                    sum += view.norm1Number().doubleValue();
                    count += view.length();
                }
                before[l] = layer.params().dup();
            }
            gradient[i] = count == 0 ? Double.NaN : sum / count;
            parametersBefore[i] = before;
        }
    }

    private void publish(int iteration) {
        List<LayerStats> layers = new ArrayList<>(probes.size());
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            layers.add(new LayerStats(probe.nodeId(), probe.activation(), gradient[i], dead[i], saturated[i],
                    updateRatio(probe, parametersBefore[i])));
            parametersBefore[i] = null;
        }
        sink.accept(new LayerStatsEvent(iteration, net.getEpochCount() + 1, layers));
    }

    private static double updateRatio(Probe probe, INDArray[] before) {
        if (before == null || before.length == 0) {
            return Double.NaN;
        }
        double change = 0;
        double size = 0;
        for (int l = 0; l < before.length; l++) {
            INDArray now = probe.layers().get(l).params();
            double delta = now.sub(before[l]).norm2Number().doubleValue();
            double norm = before[l].norm2Number().doubleValue();
            change += delta * delta;
            size += norm * norm;
        }
        return size == 0 ? Double.NaN : Math.sqrt(change) / Math.sqrt(size);
    }

    /** DL4J's callbacks, in their order within one {@code fit}: forward pass, gradient, iteration done. */
    private final class Listener extends BaseTrainingListener {
        @Override
        public void onForwardPass(Model model, Map<String, INDArray> activations) {
            if (armed) {
                long start = System.nanoTime();
                sampleStart = start;
                measureActivations(activations);
                sampleCost = System.nanoTime() - start;
            }
        }

        @Override
        public void onGradientCalculation(Model model) {
            if (armed) {
                long start = System.nanoTime();
                measureGradients();
                sampleCost += System.nanoTime() - start;
            }
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            completedIterations++;
            long now = System.nanoTime();
            if (armed && sawForwardPass) {
                publish(completedIterations);
                long end = System.nanoTime();
                long cost = sampleCost + (end - now);
                duty.spent(sampleStart, cost);
                spentNanos += cost;
                samples++;
                now = end;
            }
            sawForwardPass = false;
            // The duty cycle is asked first: the throttle counts what it admits towards its rate.
            armed = duty.ready(now) && throttle.admit(completedIterations + 1, now);
        }
    }
}
