package io.layerlab.shape;

import io.layerlab.graph.Graph;
import java.util.Arrays;

/**
 * Times the shape check the way the designer uses it: whole passes over one graph, after a
 * warm-up so that the JIT has compiled the code, reporting the median so one slow run (a GC,
 * another process) does not decide the figure.
 */
public final class ShapeInferenceBenchmark {
    /** Keeps the JIT from discarding passes whose result is otherwise unused. */
    private static volatile long sink;

    private ShapeInferenceBenchmark() { }

    /** The median time of one pass over a graph of {@code nodes} nodes and {@code wires} wires. */
    public record Result(int nodes, int wires, int runs, long medianNanos) {
        public double medianMillis() { return medianNanos / 1e6; }

        /** "shape check: 1,003 nodes, 1,205 wires: 0.412 ms per pass (median of 200)". */
        @Override public String toString() {
            return String.format(java.util.Locale.ROOT, "shape check: %,d nodes, %,d wires: %.3f ms per pass (median of %d)",
                    nodes, wires, medianMillis(), runs);
        }
    }

    /** Times passes over {@link SyntheticGraphs#layered} of about {@code nodeCount} nodes. */
    public static Result measureLayered(int nodeCount, long seed, int warmups, int runs) {
        Graph graph = SyntheticGraphs.layered(nodeCount, seed);
        return new Result(graph.size(), graph.edges().size(), runs, measure(graph, warmups, runs));
    }

    /**
     * @param warmups passes run first and not timed, at least 0
     * @param runs    timed passes, at least 1
     * @return the median nanoseconds of one pass
     */
    public static long measure(Graph graph, int warmups, int runs) {
        if (warmups < 0) throw new IllegalArgumentException("warm-up passes must be 0 or more, was " + warmups);
        if (runs < 1) throw new IllegalArgumentException("timed passes must be at least 1, was " + runs);
        long checksum = 0;
        for (int i = 0; i < warmups; i++) checksum += ShapeInference.infer(graph).order().size();
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            ShapeReport report = ShapeInference.infer(graph);
            nanos[i] = System.nanoTime() - start;
            checksum += report.order().size();
        }
        sink = checksum;
        Arrays.sort(nanos);
        return runs % 2 == 1 ? nanos[runs / 2] : (nanos[runs / 2 - 1] + nanos[runs / 2]) / 2;
    }
}
