package io.layerlab.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The order data flows in (Kahn's algorithm) and the loops that stop it. Nodes on a loop are
 * left out of the order; nodes merely downstream of a loop keep their place, so the rest of the
 * graph is still checked.
 */
final class Topology {
    /** Node indices, each after every node wired into it; nodes on loops are left out. */
    final int[] order;
    /** Per node: true if it lies on a loop. */
    final boolean[] onCycle;
    /** One entry per group of nodes caught in loops (a strongly connected component). */
    final List<Cycle> cycles;

    /**
     * @param loop    a closed path through the group, in wire order (the first node is where it
     *                closes)
     * @param members every node of the group, in graph order
     */
    record Cycle(int[] loop, int[] members) { }

    Topology(GraphIndex index) {
        int n = index.size();
        onCycle = new boolean[n];
        int[] firstPass = kahn(index, onCycle);
        if (firstPass.length == n) {
            order = firstPass;
            cycles = List.of();
            return;
        }
        boolean[] placed = new boolean[n];
        for (int i : firstPass) placed[i] = true;
        cycles = findCycles(index, placed);
        for (Cycle c : cycles) for (int i : c.members) onCycle[i] = true;
        order = kahn(index, onCycle);
    }

    /** Kahn's algorithm ignoring every wire that touches an excluded node; ties in graph order. */
    private static int[] kahn(GraphIndex index, boolean[] excluded) {
        int n = index.size();
        int[] pending = new int[n];
        for (int i = 0; i < n; i++) {
            if (excluded[i]) continue;
            for (int src : index.inputs[i]) if (!excluded[src]) pending[i]++;
        }
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) if (!excluded[i] && pending[i] == 0) queue[tail++] = i;
        while (head < tail) {
            int node = queue[head++];
            for (int next : index.outputs[node]) {
                if (!excluded[next] && --pending[next] == 0) queue[tail++] = next;
            }
        }
        return Arrays.copyOf(queue, tail);
    }

    /** Tarjan's strongly connected components over the nodes Kahn could not place, iteratively. */
    private static List<Cycle> findCycles(GraphIndex index, boolean[] placed) {
        int n = index.size();
        int[] number = new int[n];
        int[] low = new int[n];
        int[] edgePos = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(number, -1);
        int[] stack = new int[n];
        int stackTop = 0;
        int[] callStack = new int[n];
        int counter = 0;
        List<Cycle> found = new ArrayList<>();

        for (int root = 0; root < n; root++) {
            if (placed[root] || number[root] >= 0) continue;
            int depth = 0;
            callStack[depth++] = root;
            number[root] = low[root] = counter++;
            stack[stackTop++] = root;
            onStack[root] = true;
            while (depth > 0) {
                int v = callStack[depth - 1];
                int[] outs = index.outputs[v];
                if (edgePos[v] < outs.length) {
                    int w = outs[edgePos[v]++];
                    if (placed[w]) continue;
                    if (number[w] < 0) {
                        number[w] = low[w] = counter++;
                        stack[stackTop++] = w;
                        onStack[w] = true;
                        callStack[depth++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], number[w]);
                    }
                    continue;
                }
                depth--;
                if (depth > 0) {
                    int parent = callStack[depth - 1];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == number[v]) {
                    List<Integer> members = new ArrayList<>();
                    int w;
                    do {
                        w = stack[--stackTop];
                        onStack[w] = false;
                        members.add(w);
                    } while (w != v);
                    if (members.size() > 1 || hasSelfWire(index, v)) {
                        int[] sorted = members.stream().mapToInt(Integer::intValue).sorted().toArray();
                        found.add(new Cycle(loopThrough(index, sorted), sorted));
                    }
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a.members[0], b.members[0]));
        return List.copyOf(found);
    }

    private static boolean hasSelfWire(GraphIndex index, int v) {
        for (int w : index.outputs[v]) if (w == v) return true;
        return false;
    }

    /** The shortest loop through the group's first node (breadth-first inside the group). */
    private static int[] loopThrough(GraphIndex index, int[] members) {
        int start = members[0];
        boolean[] inGroup = new boolean[index.size()];
        for (int m : members) inGroup[m] = true;
        int[] parent = new int[index.size()];
        Arrays.fill(parent, -2);
        int[] queue = new int[members.length];
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        parent[start] = -1;
        while (head < tail) {
            int v = queue[head++];
            for (int w : index.outputs[v]) {
                if (w == start) return pathTo(parent, v);
                if (inGroup[w] && parent[w] == -2) {
                    parent[w] = v;
                    queue[tail++] = w;
                }
            }
        }
        throw new IllegalStateException("a strongly connected group always has a loop through each member");
    }

    private static int[] pathTo(int[] parent, int last) {
        List<Integer> path = new ArrayList<>();
        for (int v = last; v != -1; v = parent[v]) path.add(v);
        int[] loop = new int[path.size()];
        for (int k = 0; k < loop.length; k++) loop[k] = path.get(loop.length - 1 - k);
        return loop;
    }
}
