package io.layerlab.keras;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places nodes in columns from left to right: a node's column is the length of the longest path
 * to it from an input, so every wire points right; nodes sharing a column stack downwards in
 * model order. Spacing follows the bundled sample projects.
 */
final class LeftToRightLayout {
    static final double LEFT = 40;
    static final double TOP = 120;
    static final double COLUMN = 180;
    static final double ROW = 120;

    private LeftToRightLayout() { }

    /**
     * @param order    node ids, every node after the nodes feeding it
     * @param inputsOf the ids feeding each node
     * @return {x, y} per node id
     */
    static Map<String, double[]> positions(List<String> order, Map<String, List<String>> inputsOf) {
        Map<String, Integer> column = new HashMap<>();
        Map<Integer, Integer> used = new HashMap<>();
        Map<String, double[]> positions = new LinkedHashMap<>();
        for (String id : order) {
            int c = 0;
            for (String in : inputsOf.getOrDefault(id, List.of())) c = Math.max(c, column.getOrDefault(in, 0) + 1);
            column.put(id, c);
            int row = used.merge(c, 1, Integer::sum) - 1;
            positions.put(id, new double[] {LEFT + c * COLUMN, TOP + row * ROW});
        }
        return positions;
    }
}
