package io.layerlab.shape;

import io.layerlab.catalog.LayerKind;
import io.layerlab.graph.Node;

/**
 * Checks of the graph as a whole: an Input and an Output exist, every Output is reached from an
 * Input, nothing flows out of an Output, and which layers lie on no path from an Input to an
 * Output (dangling: shown as a warning, they do not affect the result).
 */
final class GraphChecks {
    private GraphChecks() { }

    static void check(GraphIndex index, LayerKind[] kinds, boolean[] onCycle, Diagnostics out) {
        int n = index.size();
        boolean anyInput = false;
        boolean anyOutput = false;
        for (int i = 0; i < n; i++) {
            if (kinds[i] == null) continue;
            anyInput |= kinds[i].isInput();
            anyOutput |= kinds[i].isOutput();
        }
        if (!anyInput) {
            out.error(DiagnosticCode.NO_INPUT_NODE, null, null, "the network has no Input layer",
                    "add an Input and set its shape: [n] features, [h, w, c] an image, or [t, f] a sequence");
        }
        if (!anyOutput) {
            out.error(DiagnosticCode.NO_OUTPUT, null, null,
                    "the network has no Output layer, so there is nothing to train it against",
                    "add an Output (or a SequenceOutput) and wire the last layer into it");
        }
        reportWiresOutOfOutputs(index, kinds, out);
        if (!anyInput || !anyOutput) return;

        boolean[] fromInput = reach(index, kinds, true);
        boolean[] toOutput = reach(index, kinds, false);
        for (int i = 0; i < n; i++) {
            Node node = index.nodes[i];
            if (kinds[i] != null && kinds[i].isOutput() && !fromInput[i]) {
                out.error(DiagnosticCode.OUTPUT_NOT_REACHED, node.id(), null,
                        Words.layer(node.type(), node.id()) + " is not reached from any Input, so it has nothing to predict from",
                        "wire a path of layers from an Input to it");
            }
        }
        for (int i = 0; i < n; i++) {
            if (fromInput[i] && toOutput[i]) continue;
            Node node = index.nodes[i];
            if (onCycle[i] || kinds[i] != null && kinds[i].isOutput()) continue;
            if (out.hasErrorFor(node.id(), DiagnosticCode.MISSING_INPUT)) continue;
            String label = Words.layer(node.type(), node.id());
            if (!fromInput[i]) {
                out.warning(DiagnosticCode.DANGLING, node.id(), null,
                        label + " is not connected to any Input, so it does not affect the result",
                        "wire it into the path from an Input to an Output, or delete it");
            } else {
                out.warning(DiagnosticCode.DANGLING, node.id(), null,
                        label + " does not lead to any Output, so it does not affect the result",
                        "wire it on towards an Output, or delete it");
            }
        }
    }

    private static void reportWiresOutOfOutputs(GraphIndex index, LayerKind[] kinds, Diagnostics out) {
        for (int i = 0; i < index.size(); i++) {
            if (kinds[i] == null || !kinds[i].isOutput() || index.outputs[i].length == 0) continue;
            Node node = index.nodes[i];
            Node fed = index.nodes[index.outputs[i][0]];
            out.error(DiagnosticCode.BAD_WIRE, node.id(), null,
                    Words.layer(node.type(), node.id()) + " feeds '" + fed.id() + "', but an output layer ends the network",
                    "take the wire to '" + fed.id() + "' from the layer before '" + node.id()
                            + "', or use a Dense if this is not meant to be an output");
        }
    }

    /** Nodes reachable forward from the Inputs, or backward from the Outputs. */
    private static boolean[] reach(GraphIndex index, LayerKind[] kinds, boolean forward) {
        int n = index.size();
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (kinds[i] != null && (forward ? kinds[i].isInput() : kinds[i].isOutput())) {
                seen[i] = true;
                queue[tail++] = i;
            }
        }
        for (int head = 0; head < tail; head++) {
            for (int next : forward ? index.outputs[queue[head]] : index.inputs[queue[head]]) {
                if (!seen[next]) {
                    seen[next] = true;
                    queue[tail++] = next;
                }
            }
        }
        return seen;
    }
}
