package io.layerlab.ui.canvas;

import io.layerlab.graph.Edge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Layered left-to-right placement of a graph (a light Sugiyama scheme): every node goes into a
 * column after all the nodes feeding it, nodes within a column are ordered to reduce crossings,
 * and columns are spaced by the widest node in them. Plain logic, no JavaFX.
 *
 * <p>All rows share one pitch and a column's nodes are centred on one line, so a plain chain
 * comes out as a straight horizontal row of nodes with straight wires.
 */
public final class LayeredLayout {
    /** Width and height of a node's view. */
    public record Size(double width, double height) { }

    public static final double COLUMN_GAP = 80;
    public static final double ROW_GAP = 40;
    private static final int ORDERING_SWEEPS = 4;

    private LayeredLayout() { }

    /**
     * Positions (top-left {x, y}) for every node, the whole placement starting at
     * ({@code originX}, {@code originY}).
     *
     * @param nodeIds nodes in graph order (the order breaks ties)
     * @param edges   wires; those touching unknown ids are ignored, loops are tolerated
     */
    public static Map<String, double[]> place(List<String> nodeIds, List<Edge> edges,
                                              Function<String, Size> sizes, double originX, double originY) {
        Map<String, List<String>> succ = new LinkedHashMap<>();
        Map<String, List<String>> pred = new HashMap<>();
        for (String id : nodeIds) { succ.put(id, new ArrayList<>()); pred.put(id, new ArrayList<>()); }
        for (Edge e : forwardEdges(nodeIds, edges)) {
            succ.get(e.from()).add(e.to());
            pred.get(e.to()).add(e.from());
        }
        List<String> topo = topologicalOrder(nodeIds, succ, pred);
        Map<String, Integer> layerOf = assignLayers(topo, succ, pred);
        List<List<String>> layers = orderWithinLayers(topo, layerOf, succ, pred);
        return coordinates(layers, sizes, originX, originY);
    }

    /** Wires between known nodes, minus those closing a loop (found by depth-first search). */
    private static List<Edge> forwardEdges(List<String> nodeIds, List<Edge> edges) {
        Set<String> known = new HashSet<>(nodeIds);
        Map<String, List<Edge>> out = new HashMap<>();
        for (Edge e : edges) {
            if (known.contains(e.from()) && known.contains(e.to()) && !e.from().equals(e.to())) {
                out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
            }
        }
        Set<Edge> back = new HashSet<>();
        Map<String, Integer> state = new HashMap<>(); // 1 on the stack, 2 done
        for (String root : nodeIds) {
            if (state.containsKey(root)) continue;
            // Iterative DFS so a long chain cannot overflow the stack.
            List<String> stack = new ArrayList<>();
            List<Integer> next = new ArrayList<>();
            stack.add(root); next.add(0); state.put(root, 1);
            while (!stack.isEmpty()) {
                int top = stack.size() - 1;
                String at = stack.get(top);
                List<Edge> outs = out.getOrDefault(at, List.of());
                int i = next.get(top);
                if (i < outs.size()) {
                    next.set(top, i + 1);
                    Edge e = outs.get(i);
                    Integer s = state.get(e.to());
                    if (s == null) { state.put(e.to(), 1); stack.add(e.to()); next.add(0); }
                    else if (s == 1) back.add(e);
                } else {
                    state.put(at, 2);
                    stack.remove(top); next.remove(top);
                }
            }
        }
        List<Edge> forward = new ArrayList<>();
        for (List<Edge> es : out.values()) for (Edge e : es) if (!back.contains(e)) forward.add(e);
        return forward;
    }

    private static List<String> topologicalOrder(List<String> nodeIds, Map<String, List<String>> succ,
                                                 Map<String, List<String>> pred) {
        Map<String, Integer> waiting = new HashMap<>();
        for (String id : nodeIds) waiting.put(id, pred.get(id).size());
        List<String> order = new ArrayList<>();
        for (String id : nodeIds) if (waiting.get(id) == 0) order.add(id);
        for (int i = 0; i < order.size(); i++) {
            for (String s : succ.get(order.get(i))) {
                if (waiting.merge(s, -1, Integer::sum) == 0) order.add(s);
            }
        }
        return order;
    }

    /**
     * Longest path from the sources, then every source with consumers moves to just before its
     * first consumer (a second input feeding a late merge sits next to it, not far left).
     */
    private static Map<String, Integer> assignLayers(List<String> topo, Map<String, List<String>> succ,
                                                     Map<String, List<String>> pred) {
        Map<String, Integer> layer = new HashMap<>();
        for (String id : topo) {
            int l = 0;
            for (String p : pred.get(id)) l = Math.max(l, layer.get(p) + 1);
            layer.put(id, l);
        }
        for (String id : topo) {
            if (pred.get(id).isEmpty() && !succ.get(id).isEmpty()) {
                int first = Integer.MAX_VALUE;
                for (String s : succ.get(id)) first = Math.min(first, layer.get(s));
                layer.put(id, first - 1);
            }
        }
        return layer;
    }

    /** Barycentre ordering: each node moves towards the mean position of its neighbours. */
    private static List<List<String>> orderWithinLayers(List<String> topo, Map<String, Integer> layerOf,
                                                        Map<String, List<String>> succ, Map<String, List<String>> pred) {
        int count = 0;
        for (int l : layerOf.values()) count = Math.max(count, l + 1);
        List<List<String>> layers = new ArrayList<>();
        for (int i = 0; i < count; i++) layers.add(new ArrayList<>());
        for (String id : topo) layers.get(layerOf.get(id)).add(id);

        Map<String, Double> position = new HashMap<>();
        for (List<String> layer : layers) centre(layer, position);
        for (int sweep = 0; sweep < ORDERING_SWEEPS; sweep++) {
            for (int i = 1; i < layers.size(); i++) reorder(layers.get(i), pred, position);
            for (int i = layers.size() - 2; i >= 0; i--) reorder(layers.get(i), succ, position);
        }
        return layers;
    }

    private static void reorder(List<String> layer, Map<String, List<String>> neighbours, Map<String, Double> position) {
        Map<String, Double> key = new HashMap<>();
        for (String id : layer) {
            List<String> ns = neighbours.get(id);
            if (ns.isEmpty()) { key.put(id, position.get(id)); continue; }
            double sum = 0;
            for (String n : ns) sum += position.get(n);
            key.put(id, sum / ns.size());
        }
        layer.sort(Comparator.comparingDouble(key::get)); // stable: ties keep their order
        centre(layer, position);
    }

    /** Positions centred on zero, so columns of different sizes compare. */
    private static void centre(List<String> layer, Map<String, Double> position) {
        for (int i = 0; i < layer.size(); i++) position.put(layer.get(i), i - (layer.size() - 1) / 2.0);
    }

    private static Map<String, double[]> coordinates(List<List<String>> layers, Function<String, Size> sizes,
                                                     double originX, double originY) {
        double pitch = 0;
        for (List<String> layer : layers) for (String id : layer) pitch = Math.max(pitch, sizes.apply(id).height());
        pitch += ROW_GAP;
        Map<String, double[]> result = new LinkedHashMap<>();
        double x = originX;
        double minY = Double.POSITIVE_INFINITY;
        for (List<String> layer : layers) {
            double widest = 0;
            for (int i = 0; i < layer.size(); i++) {
                String id = layer.get(i);
                double y = (i - (layer.size() - 1) / 2.0) * pitch;
                result.put(id, new double[] {x, y});
                minY = Math.min(minY, y);
                widest = Math.max(widest, sizes.apply(id).width());
            }
            x += widest + COLUMN_GAP;
        }
        for (double[] xy : result.values()) xy[1] += originY - minY;
        return result;
    }
}
