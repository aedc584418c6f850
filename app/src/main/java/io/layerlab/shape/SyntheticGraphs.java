package io.layerlab.shape;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated valid graphs for benchmarks: a convolutional part of residual blocks, two-branch
 * blocks joined by Concatenate, pooling and plain convolutions, then a fully connected part of
 * residual and two-branch blocks, ending in one Output. About 1.2 wires per node. Positions
 * wind across the canvas in bands of {@value #COLUMNS_PER_BAND} columns.
 */
public final class SyntheticGraphs {
    private static final int COLUMNS_PER_BAND = 20;
    private static final String[] DENSE_ACTIVATIONS = {"relu", "tanh", "elu", "swish", "leakyrelu", "prelu", "sigmoid", "gelu"};
    private static final String[] FUNCTIONS = {"relu", "tanh", "leakyrelu", "elu", "sigmoid", "swish", "prelu"};
    private static final int[] CHANNELS = {8, 16, 32};
    private static final int[] UNITS = {16, 32, 64, 128};

    private final Random random;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private int column = -1;
    /** The node the next block reads from, and what it outputs. */
    private String current;
    private int height;
    private int width;
    private int channels;
    private int features;
    private int pools;

    private SyntheticGraphs(long seed) { random = new Random(seed); }

    /**
     * A valid graph of about {@code nodeCount} nodes (blocks may overshoot by a few), with one
     * Input of shape [32, 32, 3] and one Output; the same seed gives the same graph.
     *
     * @param nodeCount at least 3
     */
    public static Graph layered(int nodeCount, long seed) {
        if (nodeCount < 3) throw new IllegalArgumentException("a layered graph needs at least 3 nodes (Input, pooling, Output), was " + nodeCount);
        return new SyntheticGraphs(seed).build(nodeCount);
    }

    private Graph build(int nodeCount) {
        height = 32;
        width = 32;
        channels = 3;
        current = add("Input", 0, Map.of("shape", List.of(height, width, channels)));
        int convBudget = nodeCount / 2;
        while (nodes.size() < convBudget) convBlock();
        toFeatures();
        while (nodes.size() < nodeCount - 1) denseBlock();
        String out = add("Output", 0, Map.of("units", 10, "activation", "softmax", "loss", "mcxent"));
        wire(current, out, 0);
        return Graph.of(nodes, edges);
    }

    private void convBlock() {
        int pick = random.nextInt(10);
        if (pick < 4) residualConv();
        else if (pick < 6) twoBranchConv();
        else if (pick < 7 && height >= 4 && pools < 3) pool();
        else plainConv();
    }

    /** conv → BN → activation → conv, added to the block's input. */
    private void residualConv() {
        String in = current;
        chain("Conv2D", Map.of("filters", channels, "kernel", List.of(3, 3), "padding", "same", "activation", "linear"));
        chain("BatchNormalization", Map.of());
        chain("Activation", Map.of("function", pick(FUNCTIONS)));
        chain("Conv2D", Map.of("filters", channels, "kernel", List.of(3, 3), "padding", "same", "activation", "linear"));
        String add = add("Add", 0, Map.of());
        wire(in, add, 0);
        wire(current, add, 1);
        current = add;
    }

    /** A 1×1 and a 3×3 convolution side by side, joined along the channels. */
    private void twoBranchConv() {
        String in = current;
        int f1 = pick(CHANNELS);
        int f2 = pick(CHANNELS);
        String narrow = add("Conv2D", -1, Map.of("filters", f1, "kernel", List.of(1, 1), "padding", "same"));
        wire(in, narrow, 0);
        String wide = add("Conv2D", 1, Map.of("filters", f2, "kernel", List.of(3, 3), "padding", "same"));
        wire(in, wide, 0);
        String cat = add("Concatenate", 0, Map.of());
        wire(narrow, cat, 0);
        wire(wide, cat, 1);
        current = cat;
        channels = f1 + f2;
    }

    private void pool() {
        chain(random.nextBoolean() ? "MaxPooling2D" : "AveragePooling2D", Map.of());
        height /= 2;
        width /= 2;
        pools++;
    }

    private void plainConv() {
        int filters = pick(CHANNELS);
        boolean shrink = height >= 12 && random.nextInt(4) == 0;
        chain("Conv2D", Map.of("filters", filters, "kernel", List.of(3, 3), "padding", shrink ? "valid" : "same",
                "activation", pick(new String[] {"relu", "elu", "swish"})));
        if (shrink) {
            height -= 2;
            width -= 2;
        }
        channels = filters;
    }

    private void toFeatures() {
        if ((long) height * width * channels <= 4096 && random.nextBoolean()) {
            chain("Flatten", Map.of());
            features = height * width * channels;
        } else {
            chain("GlobalAveragePooling2D", Map.of());
            features = channels;
        }
    }

    private void denseBlock() {
        int pick = random.nextInt(10);
        if (pick < 4) residualDense();
        else if (pick < 7) twoBranchDense();
        else plainDense();
    }

    /** Dense → Dropout → Dense, added to the block's input. */
    private void residualDense() {
        String in = current;
        chain("Dense", Map.of("units", features, "activation", pick(DENSE_ACTIVATIONS)));
        chain("Dropout", Map.of("rate", 0.1 * (1 + random.nextInt(4))));
        chain("Dense", Map.of("units", features, "activation", "linear"));
        String add = add("Add", 0, Map.of());
        wire(in, add, 0);
        wire(current, add, 1);
        current = add;
    }

    /** Two Dense layers side by side, joined, then brought to a new width. */
    private void twoBranchDense() {
        String in = current;
        String a = add("Dense", -1, Map.of("units", pick(UNITS), "activation", pick(DENSE_ACTIVATIONS)));
        wire(in, a, 0);
        String b = add("Dense", 1, Map.of("units", pick(UNITS), "activation", pick(DENSE_ACTIVATIONS)));
        wire(in, b, 0);
        String cat = add("Concatenate", 0, Map.of());
        wire(a, cat, 0);
        wire(b, cat, 1);
        current = cat;
        features = pick(UNITS);
        chain("Dense", Map.of("units", features));
    }

    private void plainDense() {
        features = pick(UNITS);
        chain("Dense", Map.of("units", features, "activation", "linear"));
        if (random.nextBoolean()) chain("BatchNormalization", Map.of());
        else chain("Activation", Map.of("function", pick(FUNCTIONS)));
    }

    /** Adds a node fed by the current one and makes it current. */
    private String chain(String type, Map<String, Object> params) {
        String id = add(type, 0, params);
        wire(current, id, 0);
        current = id;
        return id;
    }

    /**
     * A node in the next column; lane -1 and 1 place two branches above and below the main line,
     * in that order (lane 1 shares lane -1's column).
     */
    private String add(String type, int lane, Map<String, Object> params) {
        String id = type.toLowerCase() + (nodes.size() + 1);
        if (lane != 1) column++;
        int band = column / COLUMNS_PER_BAND;
        double x = 40 + (column % COLUMNS_PER_BAND) * 170.0;
        double y = 80 + band * 360.0 + lane * 110.0;
        nodes.add(new Node(id, type, x, y, new LinkedHashMap<>(params)));
        return id;
    }

    private void wire(String from, String to, int port) { edges.add(new Edge(from, to, port)); }

    private int pick(int[] values) { return values[random.nextInt(values.length)]; }

    private String pick(String[] values) { return values[random.nextInt(values.length)]; }
}
