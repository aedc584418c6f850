package io.layerlab.keras;

import io.layerlab.compile.CompileException;
import io.layerlab.compile.GraphCompiler;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.model.ModelFileException;
import io.layerlab.shape.ShapeInference;
import io.layerlab.shape.ShapeReport;
import io.layerlab.shape.TensorShape;
import io.layerlab.train.NetworkWeights;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Moves the weights of an imported Keras model into the network compiled from its project, so
 * training in LayerLab starts from them (fine-tuning). Vertices are matched by name (Keras layer
 * name = node id), parameters by DL4J's keys.
 *
 * <p>Layouts differ where Keras and LayerLab's DL4J networks order values differently: DL4J
 * imports Keras images channels last, LayerLab builds them channels first. So a Dense layer after
 * a Flatten of an image gets its kernel rows reordered from (h, w, c) to (c, h, w), a PReLU's
 * slopes on an image likewise; batch normalisation's variance becomes the log standard deviation
 * LayerLab's layers keep, with Keras' epsilon folded in so the outputs stay the same.
 */
public final class WeightTransfer {
    /** What was copied, and what was not (with why). */
    public record Result(List<String> copied, List<String> skipped) {
        public Result {
            copied = List.copyOf(copied);
            skipped = List.copyOf(skipped);
        }

        public boolean complete() { return skipped.isEmpty(); }
    }

    /** The network compiled from an imported project, holding the imported weights. */
    public record Compiled(ComputationGraph network, Result transfer, double largestDifference) { }

    private WeightTransfer() { }

    /**
     * Compiles {@code imported.project()}, copies the imported weights into it and measures the
     * largest difference between its outputs and the imported network's on a random batch (near 0
     * unless the notes name a behaviour LayerLab's layers do not share). The project gets those
     * weights as its {@linkplain io.layerlab.project.Project#initialWeights() initial weights}, so
     * training starts from them and saving the project keeps them beside it.
     *
     * @throws ModelFileException when the project does not compile or a layer's weights cannot be moved
     */
    public static Compiled compile(ImportedModel imported, Path h5) throws ModelFileException {
        Compiled compiled = compileAndCompare(imported, h5);
        imported.project().setInitialWeights(NetworkWeights.snapshot(compiled.network(), "Keras model " + h5.getFileName()));
        return compiled;
    }

    private static Compiled compileAndCompare(ImportedModel imported, Path h5) throws ModelFileException {
        ComputationGraph network;
        try {
            network = GraphCompiler.compile(imported.project().graph(), imported.project().training()).newNetwork();
        } catch (CompileException e) {
            throw new ModelFileException(h5, "cannot be imported: the network does not compile: " + e.getMessage(), e);
        }
        Result result = copy(imported, network);
        if (!result.complete()) {
            throw new ModelFileException(h5, "cannot be imported: the weights of " + String.join("; ", result.skipped())
                    + " do not fit LayerLab's layers");
        }
        return new Compiled(network, result, largestDifference(imported, network));
    }

    /** The largest output difference between the imported network and {@code target} on one seeded random batch. */
    static double largestDifference(ImportedModel imported, ComputationGraph target) {
        ShapeReport shapes = ShapeInference.infer(imported.project().graph());
        ComputationGraph source = imported.network();
        List<String> sourceInputs = source.getConfiguration().getNetworkInputs();
        List<String> targetInputs = target.getConfiguration().getNetworkInputs();
        org.nd4j.linalg.api.rng.Random random = Nd4j.getRandomFactory().getNewRandomInstance(42);
        INDArray[] sourceBatch = new INDArray[sourceInputs.size()];
        INDArray[] targetBatch = new INDArray[targetInputs.size()];
        for (int i = 0; i < sourceInputs.size(); i++) {
            String input = sourceInputs.get(i);
            int[] dims = shapes.outputShape(input).dims();
            long[] batch = new long[dims.length + 1];
            batch[0] = 4;
            for (int d = 0; d < dims.length; d++) batch[d + 1] = dims[d];
            INDArray channelsLast = Nd4j.rand(batch, -2.0, 2.0, random).castTo(target.params().dataType());
            int vocabulary = embeddedVocabulary(imported.project().graph(), input);
            if (vocabulary > 0) {
                // Token ids for an Embedding: whole numbers below the vocabulary, (batch, steps) for Keras.
                channelsLast = Nd4j.rand(batch, 0, vocabulary, random).castTo(org.nd4j.linalg.api.buffer.DataType.INT32)
                        .castTo(target.params().dataType());
                sourceBatch[i] = channelsLast.reshape(batch[0], batch[1]);
            } else {
                sourceBatch[i] = channelsLast;
            }
            INDArray channelsFirst = switch (dims.length) {
                case 3 -> channelsLast.permute(0, 3, 1, 2).dup();
                case 2 -> channelsLast.permute(0, 2, 1).dup();
                default -> channelsLast.dup();
            };
            int t = targetInputs.indexOf(input);
            if (t >= 0) targetBatch[t] = channelsFirst;
        }
        for (INDArray in : targetBatch) if (in == null) return Double.POSITIVE_INFINITY;
        INDArray[] expected = source.output(false, sourceBatch.clone());
        INDArray[] actual = target.output(false, targetBatch);
        List<String> sourceOutputs = source.getConfiguration().getNetworkOutputs();
        List<String> targetOutputs = target.getConfiguration().getNetworkOutputs();
        double largest = 0;
        for (int i = 0; i < targetOutputs.size(); i++) {
            int s = sourceOutputs.indexOf(targetOutputs.get(i));
            if (s < 0) s = mergedOutput(source, sourceOutputs, targetOutputs.get(i));
            if (s < 0 || !Arrays.equals(expected[s].shape(), actual[i].shape())) return Double.POSITIVE_INFINITY;
            largest = Math.max(largest, expected[s].sub(actual[i]).amaxNumber().doubleValue());
        }
        return largest;
    }

    /** The smallest vocabulary of the Embeddings an Input feeds, or 0 when it feeds none. */
    private static int embeddedVocabulary(Graph graph, String input) {
        return graph.outputsOf(input).stream().map(e -> graph.node(e.to()).orElseThrow())
                .filter(n -> n.type().equals("Embedding")).mapToInt(n -> ((Number) n.param("vocabulary")).intValue())
                .min().orElse(0);
    }

    /** The imported output that an Output layer merged from a Dense and its Activation stands for: the Activation fed by the Dense. */
    private static int mergedOutput(ComputationGraph source, List<String> sourceOutputs, String dense) {
        for (int i = 0; i < sourceOutputs.size(); i++) {
            List<String> in = source.getConfiguration().getVertexInputs().get(sourceOutputs.get(i));
            if (in != null && in.equals(List.of(dense))) return i;
        }
        return -1;
    }

    /**
     * Copies {@code imported}'s weights into {@code target}, a network compiled from
     * {@code imported.project()}'s graph (as it was imported).
     */
    public static Result copy(ImportedModel imported, ComputationGraph target) {
        Graph graph = imported.project().graph();
        ShapeReport shapes = ShapeInference.infer(graph);
        ComputationGraph source = imported.network();
        List<String> copied = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (GraphVertex vertex : target.getVertices()) {
            if (!vertex.hasLayer() || vertex.numParams() == 0) continue;
            String name = vertex.getVertexName();
            GraphVertex from = source.getVertex(name);
            if (from == null || !from.hasLayer()) {
                skipped.add(name + ": no layer of that name in the imported network");
                continue;
            }
            Map<String, INDArray> sourceParams = from.paramTable(false);
            Map<String, INDArray> targetParams = vertex.paramTable(false);
            List<String> problems = new ArrayList<>();
            for (var p : targetParams.entrySet()) {
                INDArray value = converted(graph, shapes, name, p.getKey(), p.getValue(), sourceParams, from);
                if (value == null) {
                    problems.add(p.getKey() + " " + Arrays.toString(p.getValue().shape()) + " has no counterpart among "
                            + describe(sourceParams));
                } else {
                    p.getValue().assign(value);
                }
            }
            if (problems.isEmpty()) copied.add(name);
            else skipped.add(name + ": " + String.join("; ", problems));
        }
        return new Result(copied, skipped);
    }

    private static INDArray converted(Graph graph, ShapeReport shapes, String name, String key, INDArray target,
                                      Map<String, INDArray> source, GraphVertex from) {
        if (key.equals(BatchNormParams.LOG_STD) && source.containsKey(BatchNormParams.VAR)) {
            double sourceEps = ((BatchNormalization) from.getLayer().conf().getLayer()).getEps();
            // LayerLab's layer divides by 10^log10stdev; Keras by sqrt(var + eps).
            return Transforms.log(source.get(BatchNormParams.VAR).add(sourceEps), 10).muli(0.5).reshape(target.shape());
        }
        INDArray value = source.get(key);
        if (value == null || value.length() != target.length()) return null;
        Optional<Node> node = graph.node(name);
        if (node.isPresent() && key.equals("W") && isDense(node.get())) {
            Optional<TensorShape> flattened = flattenedInput(graph, shapes, node.get());
            if (flattened.isPresent() && flattened.get().kind() == TensorShape.Kind.IMAGE) {
                return channelsFirstRows(value, flattened.get());
            }
        }
        if (node.isPresent() && node.get().type().equals("Activation") && value.rank() == 3 && !Arrays.equals(value.shape(), target.shape())) {
            // A PReLU's slopes on an image: [h, w, c] imported, [c, h, w] here.
            return value.permute(2, 0, 1);
        }
        return Arrays.equals(value.shape(), target.shape()) ? value : null;
    }

    private static boolean isDense(Node node) {
        return node.type().equals("Dense") || node.type().equals("Output");
    }

    /** The shape a Flatten before {@code node} flattens, looking back through shape-keeping layers. */
    private static Optional<TensorShape> flattenedInput(Graph graph, ShapeReport shapes, Node node) {
        Node current = node;
        while (true) {
            List<Edge> in = graph.inputsOf(current.id());
            if (in.size() != 1) return Optional.empty();
            Node previous = graph.node(in.get(0).from()).orElseThrow();
            if (previous.type().equals("Flatten")) {
                List<Edge> flattenIn = graph.inputsOf(previous.id());
                return flattenIn.size() == 1 ? Optional.ofNullable(shapes.outputShape(flattenIn.get(0).from())) : Optional.empty();
            }
            if (!previous.type().equals("Dropout") && !previous.type().equals("Activation")) return Optional.empty();
            current = previous;
        }
    }

    /** Kernel rows in Keras' flatten order (h, w, c) reordered to DL4J's channels-first order (c, h, w). */
    private static INDArray channelsFirstRows(INDArray kernel, TensorShape image) {
        int h = image.height();
        int w = image.width();
        int c = image.channels();
        long units = kernel.size(1);
        return kernel.reshape('c', h, w, c, units).permute(2, 0, 1, 3).dup('c').reshape('c', (long) h * w * c, units);
    }

    private static String describe(Map<String, INDArray> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(k + " " + Arrays.toString(v.shape())));
        return parts.isEmpty() ? "no parameters" : String.join(", ", parts);
    }

    /** DL4J's batch normalisation parameter keys. */
    private static final class BatchNormParams {
        static final String VAR = "var";
        static final String LOG_STD = "log10stdev";
    }
}
