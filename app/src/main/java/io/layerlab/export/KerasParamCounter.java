package io.layerlab.export;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the weights of a {@link KerasModel} the way Keras' {@code model.count_params()} does,
 * from the Keras layers alone: it follows the shapes through the layers by Keras' rules and
 * applies each layer's own formula (batch normalisation's moving mean and variance included).
 * It shares nothing with LayerLab's shape check, so agreement between the two is evidence that
 * the script builds the same network.
 */
final class KerasParamCounter {
    /** One layer: its output shape without the batch axis, and its weights. */
    record Count(int[] shape, long params) {
        /** Keras' way of printing a shape: (None, 28, 28, 16). */
        String kerasShape() {
            StringBuilder sb = new StringBuilder("(None");
            for (int d : shape) sb.append(", ").append(d);
            return sb.append(')').toString();
        }

        @Override public boolean equals(Object o) {
            return o instanceof Count c && Arrays.equals(c.shape, shape) && c.params == params;
        }

        @Override public int hashCode() { return Arrays.hashCode(shape) * 31 + Long.hashCode(params); }

        @Override public String toString() { return kerasShape() + " " + params; }
    }

    private final Map<String, int[]> shapes = new HashMap<>();
    private final Map<String, Count> counts = new LinkedHashMap<>();

    private KerasParamCounter() { }

    /** Per layer name, in script order. */
    static Map<String, Count> count(KerasModel model) {
        KerasParamCounter counter = new KerasParamCounter();
        for (KerasLayer layer : model.layers()) counter.add(layer);
        return counter.counts;
    }

    /** All the model's weights, as Keras' {@code model.count_params()} reports them. */
    static long total(KerasModel model) {
        return count(model).values().stream().mapToLong(Count::params).sum();
    }

    private void add(KerasLayer layer) {
        List<int[]> in = layer.inputs().stream().map(v -> {
            int[] s = shapes.get(v);
            if (s == null) throw new IllegalStateException("layer " + layer.name() + " reads " + v + " before it is defined");
            return s;
        }).toList();
        Count c = count(layer, in);
        shapes.put(layer.variable(), c.shape());
        counts.put(layer.name(), c);
    }

    private static Count count(KerasLayer layer, List<int[]> in) {
        return switch (layer.className()) {
            case "Input" -> new Count(layer.ints("shape").stream().mapToInt(Integer::intValue).toArray(), 0);
            case "Dense" -> dense(layer, in.get(0));
            case "TimeDistributed" -> {
                int[] x = in.get(0);
                Count inner = count(layer.wrapped(), List.of(Arrays.copyOfRange(x, 1, x.length)));
                yield new Count(prepend(x[0], inner.shape()), inner.params());
            }
            case "Conv2D" -> {
                int[] x = in.get(0);
                List<Integer> k = layer.ints("kernel_size");
                int filters = layer.integer("filters");
                int[] out = window(x, k, layer.ints("strides"), layer.string("padding"));
                yield new Count(new int[] {out[0], out[1], filters}, (long) k.get(0) * k.get(1) * x[2] * filters + filters);
            }
            case "MaxPooling2D", "AveragePooling2D" -> {
                int[] x = in.get(0);
                int[] out = window(x, layer.ints("pool_size"), layer.ints("strides"), layer.string("padding"));
                yield new Count(new int[] {out[0], out[1], x[2]}, 0);
            }
            case "GlobalAveragePooling2D" -> new Count(new int[] {in.get(0)[2]}, 0);
            case "Flatten" -> new Count(new int[] {Math.toIntExact(size(in.get(0)))}, 0);
            case "BatchNormalization" -> new Count(in.get(0), 4L * last(in.get(0)));
            case "PReLU" -> new Count(in.get(0), size(in.get(0)));
            case "Dropout", "Activation", "LeakyReLU", "ELU", "Lambda" -> new Count(in.get(0), 0);
            case "Maxout" -> {
                int[] out = in.get(0).clone();
                out[out.length - 1] /= layer.integer("pieces");
                yield new Count(out, 0);
            }
            case "SelfAttention" -> {
                // The script's class: query, key and value weights (heads, head_size, f) and output weights (heads*head_size, f).
                long projected = (long) layer.integer("heads") * layer.integer("head_size");
                yield new Count(in.get(0), 4 * projected * last(in.get(0)));
            }
            case "SimpleRNN", "LSTM", "GRU" -> {
                int[] x = in.get(0);
                long units = layer.integer("units");
                long cell = x[1] * units + units * units + units;
                // Keras' GRU defaults to reset_after=True, which adds a second (recurrent) bias per gate.
                boolean resetAfter = !layer.config().containsKey("reset_after") || layer.flag("reset_after");
                long params = switch (layer.className()) {
                    case "LSTM" -> 4 * cell;
                    case "GRU" -> 3 * cell + (resetAfter ? 3 * units : 0);
                    default -> cell;
                };
                int u = Math.toIntExact(units);
                yield new Count(layer.flag("return_sequences") ? new int[] {x[0], u} : new int[] {u}, params);
            }
            case "Reshape" -> new Count(layer.ints("target_shape").stream().mapToInt(Integer::intValue).toArray(), 0);
            case "Embedding" -> {
                int units = layer.integer("output_dim");
                yield new Count(append(in.get(0), units), (long) layer.integer("input_dim") * units);
            }
            case "Add" -> {
                for (int[] s : in) {
                    if (!Arrays.equals(s, in.get(0))) throw new IllegalStateException("Add " + layer.name() + " gets shapes "
                            + Arrays.toString(in.get(0)) + " and " + Arrays.toString(s));
                }
                yield new Count(in.get(0), 0);
            }
            case "Concatenate" -> {
                int[] out = in.get(0).clone();
                for (int i = 1; i < in.size(); i++) out[out.length - 1] += last(in.get(i));
                yield new Count(out, 0);
            }
            default -> throw new IllegalStateException("no Keras parameter rule for " + layer.className());
        };
    }

    /** Dense on the last axis: n_in * units + units. */
    private static Count dense(KerasLayer layer, int[] x) {
        int units = layer.integer("units");
        int[] out = x.clone();
        out[out.length - 1] = units;
        return new Count(out, (long) last(x) * units + units);
    }

    /** Output height and width of a window sliding over an image: valid floor((n-k)/s)+1, same ceil(n/s). */
    private static int[] window(int[] image, List<Integer> kernel, List<Integer> strides, String padding) {
        int[] out = new int[2];
        for (int i = 0; i < 2; i++) {
            int n = image[i];
            int k = kernel.get(i);
            int s = strides.get(i);
            out[i] = padding.equals("same") ? (n + s - 1) / s : (n - k) / s + 1;
        }
        return out;
    }

    private static int last(int[] shape) { return shape[shape.length - 1]; }

    private static long size(int[] shape) {
        long s = 1;
        for (int d : shape) s *= d;
        return s;
    }

    private static int[] append(int[] first, int last) {
        int[] out = java.util.Arrays.copyOf(first, first.length + 1);
        out[first.length] = last;
        return out;
    }

    private static int[] prepend(int first, int[] rest) {
        int[] out = new int[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
