package io.layerlab.compile;

import io.layerlab.graph.Graph;
import io.layerlab.shape.TensorShape;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a compiled network forward on random data and reads the shapes back in LayerLab's layout. */
final class Forward {
    private Forward() { }

    /** Random inputs for every Input node, in DL4J's layout: [b,n], [b,f,t] or [b,c,h,w]; token ids for an Embedding. */
    static INDArray[] randomInputs(Graph graph, CompiledModel model, int batch) {
        INDArray[] in = new INDArray[model.inputNames().size()];
        for (int i = 0; i < in.length; i++) {
            @SuppressWarnings("unchecked")
            List<Integer> s = (List<Integer>) graph.node(model.inputNames().get(i)).orElseThrow().param("shape");
            long[] shape = switch (s.size()) {
                case 1 -> new long[] {batch, s.get(0)};
                case 2 -> new long[] {batch, s.get(1), s.get(0)};
                default -> new long[] {batch, s.get(2), s.get(0), s.get(1)};
            };
            in[i] = Nd4j.rand(shape).subi(0.5);
            String id = model.inputNames().get(i);
            for (var wire : graph.outputsOf(id)) {
                var target = graph.node(wire.to()).orElseThrow();
                if (target.type().equals("Embedding")) {
                    // Token ids: whole numbers below the vocabulary.
                    int vocabulary = ((Number) target.param("vocabulary")).intValue();
                    in[i] = Nd4j.rand(shape).muli(vocabulary).castTo(org.nd4j.linalg.api.buffer.DataType.INT32)
                            .castTo(in[i].dataType());
                }
            }
        }
        return in;
    }

    /** Every built node's output shape as DL4J computed it, without the batch dimension. */
    static Map<String, TensorShape> shapes(CompiledModel model, ComputationGraph network, INDArray[] inputs) {
        Map<String, INDArray> activations = network.feedForward(inputs, false);
        Map<String, TensorShape> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : model.outputVertices().entrySet()) {
            out.put(e.getKey(), layerLab(activations.get(e.getValue())));
        }
        return out;
    }

    /** DL4J [b,n] / [b,f,t] / [b,c,h,w] to [n] / [t,f] / [h,w,c]. */
    static TensorShape layerLab(INDArray a) {
        long[] s = a.shape();
        return switch (s.length) {
            case 2 -> TensorShape.features((int) s[1]);
            case 3 -> TensorShape.sequence((int) s[2], (int) s[1]);
            case 4 -> TensorShape.image((int) s[2], (int) s[3], (int) s[1]);
            default -> throw new IllegalArgumentException("unexpected activation rank " + s.length);
        };
    }
}
