package io.layerlab.compile;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Random valid networks for property tests: MLP chains, residual (Add) and Concatenate blocks,
 * CNN stacks with pooling, RNN stacks (LSTM, SimpleRNN, GRU) with and without returnSequences,
 * embedded token sequences, self-attention, maxout (as Dense and Conv2D activations and as
 * Activation nodes), second inputs.
 *
 * <p>A network is a list of {@link Step}s, each a handful of random numbers that is read as a
 * block fitting the current shape (an image step may become a convolution, a sequence step an
 * LSTM). Every list gives a valid graph, and shrinking the list shrinks the network.
 */
final class RandomNetworks {
    /** Hidden activations, every compilable one. */
    static final List<String> ACTIVATIONS = List.of("linear", "step", "sigmoid", "tanh", "relu", "leakyrelu", "prelu",
            "elu", "swish", "gelu", "softmax");
    /** Dense and Conv2D may also use maxout, which widens them; recurrent layers cannot. */
    static final List<String> LAYER_ACTIVATIONS = concat(ACTIVATIONS, "maxout");

    /** One block of the network, as raw choices; {@link Builder} gives them meaning. */
    record Step(int op, int a, int b, int c, int d) { }

    /** The first Input's kind and sizes, the blocks, and the choice of head. */
    record Recipe(int kind, int d0, int d1, int d2, List<Step> steps, int head, int headUnits) { }

    private RandomNetworks() { }

    /** A generated graph that prints as its nodes and wires, so a failing sample can be read. */
    record Network(Graph graph) {
        @Override public String toString() {
            StringBuilder sb = new StringBuilder();
            for (Node n : graph.nodes()) sb.append("\n  ").append(n);
            return sb.append("\n  wires ").append(graph.edges()).toString();
        }
    }

    static Arbitrary<Network> networks() {
        return recipes().map(r -> new Network(build(r)));
    }

    static Arbitrary<Recipe> recipes() {
        Arbitrary<Integer> choice = Arbitraries.integers().between(0, 999);
        Arbitrary<Step> step = Combinators.combine(choice, choice, choice, choice, choice).as(Step::new);
        return Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 7), Arbitraries.integers().between(1, 7), Arbitraries.integers().between(1, 3),
                step.list().ofMinSize(1).ofMaxSize(6), choice, Arbitraries.integers().between(1, 4)).as(Recipe::new);
    }

    static Graph build(Recipe r) {
        Builder b = new Builder();
        switch (r.kind()) {
            case 0 -> b.input(r.d0() + 1);
            case 1 -> b.input(r.d0() + 1, r.d1() + 1, r.d2());
            default -> {
                if (r.d2() == 1) { // token ids, one per step, embedded first
                    b.input(r.d0(), 1);
                    b.embedding(2 + 3 * r.d1(), r.headUnits());
                } else {
                    b.input(r.d0(), r.d1());
                }
            }
        }
        for (Step s : r.steps()) b.step(s);
        b.head(r.head(), r.headUnits());
        return b.graph();
    }

    /** Reads steps against the current node's shape, which it tracks as [n], [h, w, c] or [t, f]. */
    private static final class Builder {
        private final List<Node> nodes = new ArrayList<>();
        private final List<Edge> edges = new ArrayList<>();
        private String current;
        private int[] shape;
        private int inputs;

        void input(int... dims) {
            current = add("Input", Map.of("shape", boxed(dims)));
            shape = dims;
        }

        void embedding(int vocabulary, int units) {
            current = add("Embedding", Map.of("vocabulary", vocabulary, "units", units), current);
            shape = new int[] {shape[0], units};
        }

        void step(Step s) {
            switch (shape.length) {
                case 1 -> featureStep(s);
                case 3 -> imageStep(s);
                default -> sequenceStep(s);
            }
        }

        private void featureStep(Step s) {
            int n = shape[0];
            int units = 1 + s.a() % 6;
            switch (s.op() % 8) {
                case 0, 1 -> { current = dense(current, units, s); shape = new int[] {units}; }
                case 2 -> { current = add("Dropout", Map.of("rate", (s.b() % 9) / 10.0), current); }
                case 3 -> { current = add("BatchNormalization", frozenParam(s), current); }
                case 4 -> { current = activation(current, s); }
                case 5 -> { // residual: x + Dense(x)
                    String branch = dense(current, n, s);
                    current = merge("Add", current, branch);
                }
                case 6 -> { // Concatenate of x and a Dense branch, either order
                    String branch = dense(current, units, s);
                    current = s.c() % 2 == 0 ? merge("Concatenate", current, branch) : merge("Concatenate", branch, current);
                    shape = new int[] {n + units};
                }
                default -> { // a second (or third) network input joined by Concatenate
                    if (inputs >= 3) { current = activation(current, s); return; }
                    String other = add("Input", Map.of("shape", List.of(units)));
                    current = merge("Concatenate", current, other);
                    shape = new int[] {n + units};
                }
            }
        }

        private void imageStep(Step s) {
            int h = shape[0], w = shape[1], c = shape[2];
            int filters = 1 + s.a() % 3;
            switch (s.op() % 8) {
                case 0, 1 -> convolution(s, filters, false);
                case 2 -> pooling(s);
                case 3 -> { current = add("BatchNormalization", frozenParam(s), current); }
                case 4 -> { current = s.b() % 2 == 0 ? activation(current, s) : add("Dropout", Map.of("rate", 0.25), current); }
                case 5 -> { // residual: x + Conv2D(x) with the same shape
                    String before = current;
                    String branch = conv(before, c, 1 + 2 * (s.b() % 2), 1, "same", s);
                    current = merge("Add", before, branch);
                }
                case 6 -> { // channel concatenation with a same-padded convolution
                    String before = current;
                    String branch = conv(before, filters, 1 + s.b() % 3, 1, "same", s);
                    current = merge("Concatenate", before, branch);
                    shape = new int[] {h, w, c + filters};
                }
                default -> { // leave the image: Flatten or global average pooling
                    if (s.b() % 2 == 0) { current = add("Flatten", Map.of(), current); shape = new int[] {h * w * c}; }
                    else { current = add("GlobalAveragePooling2D", Map.of(), current); shape = new int[] {c}; }
                }
            }
        }

        private void sequenceStep(Step s) {
            int t = shape[0], f = shape[1];
            int units = 1 + s.a() % 4;
            switch (s.op() % 8) {
                case 0, 1 -> { current = recurrent(current, units, true, s); shape = new int[] {t, units}; }
                case 2 -> { current = s.b() % 2 == 0 ? activation(current, s) : add("Dropout", Map.of("rate", 0.5), current); }
                case 3 -> { // residual over time: x + LSTM(x)
                    String branch = recurrent(current, f, true, s);
                    current = merge("Add", current, branch);
                }
                case 4 -> { // feature concatenation with a recurrent branch
                    String branch = recurrent(current, units, true, s);
                    current = merge("Concatenate", current, branch);
                    shape = new int[] {t, f + units};
                }
                case 5 -> { current = recurrent(current, units, false, s); shape = new int[] {units}; }
                case 6 -> { // self-attention, alone or as a residual block: [t, f] stays [t, f]
                    String attention = add("SelfAttention", Map.of("heads", 1 + s.b() % 2, "headSize", 1 + s.c() % 3), current);
                    current = s.d() % 2 == 0 ? attention : merge("Add", current, attention);
                }
                default -> { current = add("Flatten", Map.of(), current); shape = new int[] {t * f}; }
            }
        }

        void head(int choice, int units) {
            if (shape.length == 3) {
                imageStep(new Step(7, 0, choice, 0, 0));
            }
            if (shape.length == 2 && choice % 3 == 0) {
                current = add("SequenceOutput", outputParams(choice / 3, units), current);
                return;
            }
            if (shape.length == 2) {
                current = recurrent(current, units, false, new Step(0, 0, choice, choice, choice));
            }
            current = add("Output", outputParams(choice / 3, units), current);
        }

        /** Pairs DL4J accepts: softmax needs two or more units with mcxent; sigmoid goes with xent. */
        private static Map<String, Object> outputParams(int choice, int units) {
            return switch (choice % 4) {
                case 0 -> Map.of("units", units + 1, "activation", "softmax", "loss", "mcxent");
                case 1 -> Map.of("units", units, "activation", "sigmoid", "loss", "xent");
                case 2 -> Map.of("units", units, "activation", "linear", "loss", "mse");
                default -> Map.of("units", units, "activation", "prelu", "loss", "mae");
            };
        }

        private void convolution(Step s, int filters, boolean unused) {
            int h = shape[0], w = shape[1];
            int stride = 1 + s.c() % 2;
            if (s.d() % 2 == 0) {
                int k = 1 + s.b() % Math.min(3, Math.min(h, w));
                current = conv(current, filters, k, stride, "valid", s);
                shape = new int[] {(h - k) / stride + 1, (w - k) / stride + 1, filters};
            } else {
                int k = 1 + s.b() % 3;
                current = conv(current, filters, k, stride, "same", s);
                shape = new int[] {ceilDiv(h, stride), ceilDiv(w, stride), filters};
            }
        }

        private void pooling(Step s) {
            int h = shape[0], w = shape[1];
            String type = s.a() % 2 == 0 ? "MaxPooling2D" : "AveragePooling2D";
            int p = 1 + s.b() % Math.min(2, Math.min(h, w));
            int stride = 1 + s.c() % 2;
            boolean same = s.d() % 2 == 1;
            current = add(type, Map.of("pool", List.of(p, p), "stride", List.of(stride, stride),
                    "padding", same ? "same" : "valid"), current);
            shape = same ? new int[] {ceilDiv(h, stride), ceilDiv(w, stride), shape[2]}
                    : new int[] {(h - p) / stride + 1, (w - p) / stride + 1, shape[2]};
        }

        private String conv(String from, int filters, int k, int stride, String padding, Step s) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("filters", filters);
            p.put("kernel", List.of(k, k));
            p.put("stride", List.of(stride, stride));
            p.put("padding", padding);
            p.put("activation", hiddenActivation(s));
            if (p.get("activation").equals("maxout")) p.put("pieces", 2 + s.c() % 2);
            p.putAll(frozenParam(s));
            return add("Conv2D", p, from);
        }

        private String dense(String from, int units, Step s) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("units", units);
            p.put("activation", LAYER_ACTIVATIONS.get(s.b() % LAYER_ACTIVATIONS.size()));
            if (p.get("activation").equals("maxout")) p.put("pieces", 2 + s.c() % 3);
            p.putAll(frozenParam(s));
            return add("Dense", p, from);
        }

        private String recurrent(String from, int units, boolean returnSequences, Step s) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("units", units);
            p.put("returnSequences", returnSequences);
            p.put("activation", ACTIVATIONS.get(s.b() % ACTIVATIONS.size()));
            p.putAll(frozenParam(s));
            return add(List.of("LSTM", "SimpleRNN", "GRU").get(s.c() % 3), p, from);
        }

        /** An Activation node; maxout divides the last axis of the tracked shape by its pieces. */
        private String activation(String from, Step s) {
            int last = shape[shape.length - 1];
            int pieces = 2 + s.d() % 2;
            // maxout one time in four where its pieces divide the last axis; the other functions otherwise.
            String fn = s.a() % 4 == 0 && last % pieces == 0 ? "maxout" : ACTIVATIONS.get(s.c() % ACTIVATIONS.size());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("function", fn);
            if (fn.equals("leakyrelu") || fn.equals("elu")) p.put("alpha", 0.1 + (s.d() % 5) / 10.0);
            if (fn.equals("maxout")) {
                p.put("pieces", pieces);
                shape = shape.clone();
                shape[shape.length - 1] = last / pieces;
            }
            return add("Activation", p, from);
        }

        /** Image activations: all but softmax, whose axis differs between Keras (channels) and DL4J. */
        private static String hiddenActivation(Step s) {
            String fn = LAYER_ACTIVATIONS.get(s.b() % LAYER_ACTIVATIONS.size());
            return fn.equals("softmax") ? "relu" : fn;
        }

        private static Map<String, Object> frozenParam(Step s) {
            return s.d() % 5 == 0 ? Map.of("frozen", true) : Map.of();
        }

        private String merge(String type, String... from) {
            String id = "n" + nodes.size();
            nodes.add(Node.of(id, type, Map.of()));
            for (int port = 0; port < from.length; port++) edges.add(new Edge(from[port], id, port));
            return id;
        }

        private String add(String type, Map<String, ?> params, String... from) {
            String id = "n" + nodes.size();
            nodes.add(Node.of(id, type, params));
            if (type.equals("Input")) inputs++;
            for (String f : from) edges.add(new Edge(f, id));
            return id;
        }

        Graph graph() { return Graph.of(nodes, edges); }

        private static int ceilDiv(int a, int b) { return (a + b - 1) / b; }

        private static List<Integer> boxed(int[] dims) {
            List<Integer> l = new ArrayList<>();
            for (int d : dims) l.add(d);
            return l;
        }
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return List.copyOf(all);
    }
}
