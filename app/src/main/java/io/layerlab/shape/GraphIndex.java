package io.layerlab.shape;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph's wiring as arrays, built in one sweep over the edges so that each lookup during a
 * pass is constant time ({@link Graph#inputsOf} scans every edge on each call).
 */
final class GraphIndex {
    final Node[] nodes;
    /** Per node, the nodes wired into it, ordered by input port (ties keep the wires' order). */
    final int[][] inputs;
    /** Per node, the nodes it feeds. */
    final int[][] outputs;
    /** Wires naming a node that is not in the graph; left out of inputs and outputs. */
    final List<Edge> brokenWires;
    private final Map<String, Integer> indexById;

    GraphIndex(Graph graph) {
        int n = graph.size();
        nodes = graph.nodes().toArray(new Node[0]);
        indexById = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) indexById.put(nodes[i].id(), i);

        List<Edge> edges = graph.edges();
        int[] from = new int[edges.size()];
        int[] to = new int[edges.size()];
        int[] inCount = new int[n];
        int[] outCount = new int[n];
        List<Edge> broken = new ArrayList<>();
        for (int e = 0; e < edges.size(); e++) {
            Edge edge = edges.get(e);
            Integer f = indexById.get(edge.from());
            Integer t = indexById.get(edge.to());
            if (f == null || t == null) {
                broken.add(edge);
                from[e] = -1;
                continue;
            }
            from[e] = f;
            to[e] = t;
            inCount[t]++;
            outCount[f]++;
        }
        brokenWires = List.copyOf(broken);

        inputs = new int[n][];
        outputs = new int[n][];
        int[][] inPorts = new int[n][];
        for (int i = 0; i < n; i++) {
            inputs[i] = new int[inCount[i]];
            inPorts[i] = new int[inCount[i]];
            outputs[i] = new int[outCount[i]];
        }
        int[] inFill = new int[n];
        int[] outFill = new int[n];
        for (int e = 0; e < edges.size(); e++) {
            if (from[e] < 0) continue;
            int t = to[e];
            int slot = inFill[t]++;
            inputs[t][slot] = from[e];
            inPorts[t][slot] = edges.get(e).toPort();
            outputs[from[e]][outFill[from[e]]++] = t;
        }
        for (int i = 0; i < n; i++) sortByPort(inputs[i], inPorts[i]);
    }

    int size() { return nodes.length; }

    /** The node's position in {@link #nodes}, or -1. */
    int indexOf(String id) {
        Integer i = indexById.get(id);
        return i == null ? -1 : i;
    }

    /** Stable insertion sort: merges have a handful of inputs. */
    private static void sortByPort(int[] sources, int[] ports) {
        for (int i = 1; i < ports.length; i++) {
            int port = ports[i];
            int source = sources[i];
            int j = i - 1;
            while (j >= 0 && ports[j] > port) {
                ports[j + 1] = ports[j];
                sources[j + 1] = sources[j];
                j--;
            }
            ports[j + 1] = port;
            sources[j + 1] = source;
        }
    }
}
