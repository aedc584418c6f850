package io.layerlab.ui.experiments;

import javafx.scene.paint.Color;

/**
 * One line of the experiments chart, with an optional band around it (the spread of repeats).
 *
 * @param lower  the band's lower edge per point, or null for no band
 * @param upper  the band's upper edge per point, or null
 * @param dashes the line's dash pattern (empty for solid)
 */
record Curve(String label, Color colour, double[] dashes, double[] xs, double[] ys, double[] lower, double[] upper) { }
