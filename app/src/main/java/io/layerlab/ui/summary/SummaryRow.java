package io.layerlab.ui.summary;

/**
 * One line of the summary table.
 *
 * @param output the output shape as a label ("28×28×1"), or "?" when it cannot be inferred
 * @param total  true for the totals line at the bottom
 */
public record SummaryRow(String nodeId, String type, String output, long params, long multiplyAdds, boolean total) { }
