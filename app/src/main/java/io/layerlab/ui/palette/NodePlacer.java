package io.layerlab.ui.palette;

import java.util.Map;

/** Puts a new node on the canvas where the person is looking (its centre), selects it and returns its id. */
@FunctionalInterface
public interface NodePlacer {
    String place(String type, Map<String, Object> params);
}
