package io.layerlab.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-layer statistics of one sampled training iteration, in the graph's node order.
 *
 * @param iteration the iteration (from 1) whose minibatch was measured
 * @param epoch     the epoch (from 1) it belongs to
 */
public record LayerStatsEvent(int iteration, int epoch, List<LayerStats> layers) {

    public LayerStatsEvent {
        layers = List.copyOf(layers);
    }

    /** The statistics by node id, in node order. */
    public Map<String, LayerStats> byNode() {
        Map<String, LayerStats> map = new LinkedHashMap<>();
        for (LayerStats s : layers) {
            map.put(s.nodeId(), s);
        }
        return map;
    }

    public LayerStats layer(String nodeId) {
        for (LayerStats s : layers) {
            if (s.nodeId().equals(nodeId)) {
                return s;
            }
        }
        return null;
    }
}
