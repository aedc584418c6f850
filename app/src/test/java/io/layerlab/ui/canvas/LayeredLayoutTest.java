package io.layerlab.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.Edge;
import io.layerlab.ui.canvas.LayeredLayout.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {
    private static final Size CARD = new Size(180, 80);

    private static Map<String, double[]> place(List<String> ids, List<Edge> edges) {
        return LayeredLayout.place(ids, edges, id -> CARD, 100, 50);
    }

    @Test
    void aChainRunsLeftToRightOnOneRow() {
        // Given in scrambled order: the layout follows the wires, not the list.
        Map<String, double[]> p = place(List.of("out", "in", "dense", "act"),
                List.of(new Edge("in", "dense"), new Edge("dense", "act"), new Edge("act", "out")));
        assertThat(p.get("in")[0]).isLessThan(p.get("dense")[0]);
        assertThat(p.get("dense")[0]).isLessThan(p.get("act")[0]);
        assertThat(p.get("act")[0]).isLessThan(p.get("out")[0]);
        assertThat(p.values()).allSatisfy(xy -> assertThat(xy[1]).isEqualTo(p.get("in")[1]));
    }

    @Test
    void columnsDoNotOverlapAndStartAtTheOrigin() {
        Map<String, double[]> p = place(List.of("a", "b"), List.of(new Edge("a", "b")));
        assertThat(p.get("a")).containsExactly(100, 50);
        assertThat(p.get("b")[0]).isEqualTo(100 + CARD.width() + LayeredLayout.COLUMN_GAP);
    }

    @Test
    void branchesShareAColumnOnSeparateRowsAndMergeAfter() {
        Map<String, double[]> p = place(List.of("in", "left", "right", "add"),
                List.of(new Edge("in", "left"), new Edge("in", "right"),
                        new Edge("left", "add", 0), new Edge("right", "add", 1)));
        assertThat(p.get("left")[0]).isEqualTo(p.get("right")[0]);
        assertThat(Math.abs(p.get("left")[1] - p.get("right")[1])).isGreaterThanOrEqualTo(CARD.height());
        assertThat(p.get("add")[0]).isGreaterThan(p.get("left")[0]);
        // The merge sits between its two inputs.
        double mid = (p.get("left")[1] + p.get("right")[1]) / 2;
        assertThat(p.get("add")[1]).isEqualTo(mid);
    }

    @Test
    void aSecondInputSitsJustBeforeTheLayerItFeeds() {
        Map<String, double[]> p = place(List.of("a", "b", "c", "side", "concat"),
                List.of(new Edge("a", "b"), new Edge("b", "c"), new Edge("c", "concat", 0), new Edge("side", "concat", 1)));
        assertThat(p.get("side")[0]).isEqualTo(p.get("c")[0]);
    }

    @Test
    void crossingsAreUndoneByOrdering() {
        // a1 feeds b2 and a2 feeds b1: the second column is reordered so the wires do not cross.
        Map<String, double[]> p = place(List.of("a1", "a2", "b1", "b2"),
                List.of(new Edge("a1", "b2"), new Edge("a2", "b1")));
        boolean aOrder = p.get("a1")[1] < p.get("a2")[1];
        boolean bOrder = p.get("b2")[1] < p.get("b1")[1];
        assertThat(aOrder).isEqualTo(bOrder);
    }

    @Test
    void aLoopIsLaidOutWithoutHanging() {
        Map<String, double[]> p = place(List.of("a", "b", "c"),
                List.of(new Edge("a", "b"), new Edge("b", "c"), new Edge("c", "b")));
        assertThat(p).containsOnlyKeys("a", "b", "c");
        assertThat(p.get("a")[0]).isLessThan(p.get("b")[0]);
        assertThat(p.get("b")[0]).isLessThan(p.get("c")[0]);
    }

    @Test
    void unconnectedNodesGoInTheFirstColumn() {
        Map<String, double[]> p = place(List.of("x", "y"), List.of());
        assertThat(p.get("x")[0]).isEqualTo(p.get("y")[0]);
        assertThat(p.get("x")[1]).isNotEqualTo(p.get("y")[1]);
    }

    @Test
    void aLongChainDoesNotOverflowTheStack() {
        List<String> ids = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add("n" + i);
            if (i > 0) edges.add(new Edge("n" + (i - 1), "n" + i));
        }
        Map<String, double[]> p = place(ids, edges);
        assertThat(p.get("n19999")[0]).isGreaterThan(p.get("n19998")[0]);
    }
}
