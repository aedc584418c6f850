package io.layerlab.train;

import io.layerlab.catalog.Catalog;
import io.layerlab.data.LoadedData;
import io.layerlab.data.Task;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.DiagnosticCode;
import io.layerlab.shape.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that a graph fits its data before any training starts: the Input takes the data's
 * example shape, the Output has a unit per class (or per target), the loss suits the task, and
 * token ids meet an Embedding whose vocabulary holds every id (measured values never do).
 * Every mismatch is a diagnostic on the node at fault.
 */
public final class DataFit {
    private DataFit() { }

    public static List<Diagnostic> check(Graph graph, LoadedData data) {
        List<Diagnostic> problems = new ArrayList<>();
        String source = data.spec().source();
        TensorShape expected = data.inputShape();
        for (Node n : graph.nodes()) {
            if (n.type().equals("Input")) checkInput(n, expected, source, problems);
            if (n.type().equals("Output")) checkOutput(n, data, source, problems);
            if (n.type().equals("Embedding")) checkEmbedding(n, data, source, problems);
        }
        if (data.raw().isTokens()) checkTokensAreEmbedded(graph, source, problems);
        return problems;
    }

    private static void checkEmbedding(Node n, LoadedData data, String source, List<Diagnostic> problems) {
        if (!data.raw().isTokens()) {
            problems.add(Diagnostic.error(DiagnosticCode.SHAPE_MISMATCH, n.id(), null,
                    "Embedding '" + n.id() + "' looks up token ids, but the data '" + source + "' gives measured values, not ids",
                    "wire the Input straight into a recurrent layer, or use token data such as the 'tokens' source"));
            return;
        }
        Object vocabulary = Catalog.effectiveParam(n.type(), n.params(), "vocabulary");
        int largest = data.raw().largestTokenId();
        if (vocabulary instanceof Number v && largest >= v.intValue()) {
            problems.add(Diagnostic.error(DiagnosticCode.INVALID_PARAM, n.id(), "vocabulary",
                    "Embedding '" + n.id() + "' has a vocabulary of " + v.intValue() + " (ids 0 to " + (v.intValue() - 1)
                            + "), but the data '" + source + "' holds token ids up to " + largest,
                    "set vocabulary to at least " + (largest + 1)));
        }
    }

    /** Token ids are names, not quantities: a layer that multiplies them would read order into them. */
    private static void checkTokensAreEmbedded(Graph graph, String source, List<Diagnostic> problems) {
        for (Node n : graph.nodes()) {
            if (!n.type().equals("Input")) continue;
            for (var wire : graph.outputsOf(n.id())) {
                Node target = graph.node(wire.to()).orElse(null);
                if (target == null || target.type().equals("Embedding")) continue;
                problems.add(Diagnostic.warning(DiagnosticCode.SHAPE_MISMATCH, target.id(), null,
                        target.type() + " '" + target.id() + "' takes the token ids of '" + source
                                + "' as numbers, as if id 7 were more than id 6",
                        "put an Embedding between Input '" + n.id() + "' and it"));
            }
        }
    }

    private static void checkInput(Node n, TensorShape expected, String source, List<Diagnostic> problems) {
        Object shape = Catalog.effectiveParam(n.type(), n.params(), "shape");
        if (!expected.toList().equals(shape)) {
            problems.add(Diagnostic.error(DiagnosticCode.SHAPE_MISMATCH, n.id(), "shape",
                    "Input '" + n.id() + "' declares shape " + shape + " but the data '" + source
                            + "' gives examples of shape " + expected,
                    "set shape to " + expected));
        }
    }

    private static void checkOutput(Node n, LoadedData data, String source, List<Diagnostic> problems) {
        Map<String, Object> p = n.params();
        Object units = Catalog.effectiveParam(n.type(), p, "units");
        int wanted = data.outputSize();
        boolean classification = data.task() == Task.CLASSIFICATION;
        if (!Integer.valueOf(wanted).equals(units)) {
            String what = classification ? wanted + " classes" : wanted + (wanted == 1 ? " target value" : " target values");
            problems.add(Diagnostic.error(DiagnosticCode.SHAPE_MISMATCH, n.id(), "units",
                    "Output '" + n.id() + "' has " + units + " units but the data '" + source + "' has " + what,
                    "set units to " + wanted));
        }
        String loss = String.valueOf(Catalog.effectiveParam(n.type(), p, "loss"));
        String activation = String.valueOf(Catalog.effectiveParam(n.type(), p, "activation"));
        if (classification && (loss.equals("mse") || loss.equals("mae"))) {
            problems.add(Diagnostic.warning(DiagnosticCode.INVALID_PARAM, n.id(), "loss",
                    "Output '" + n.id() + "' uses the regression loss " + loss + " for the classes of '" + source + "'",
                    "use loss mcxent with activation softmax"));
        }
        if (!classification && (loss.equals("mcxent") || loss.equals("xent"))) {
            problems.add(Diagnostic.error(DiagnosticCode.INVALID_PARAM, n.id(), "loss",
                    "Output '" + n.id() + "' uses the classification loss " + loss + " but '" + source + "' is a regression task",
                    "use loss mse (or mae) with activation linear"));
        } else if (!classification && (activation.equals("softmax") || activation.equals("sigmoid"))) {
            problems.add(Diagnostic.warning(DiagnosticCode.INVALID_PARAM, n.id(), "activation",
                    "Output '" + n.id() + "' squashes its predictions with " + activation + ", but '" + source
                            + "' asks for unbounded numbers",
                    "use activation linear"));
        }
        if (classification && loss.equals("mcxent") && !activation.equals("softmax")) {
            problems.add(Diagnostic.warning(DiagnosticCode.INVALID_PARAM, n.id(), "activation",
                    "Output '" + n.id() + "' pairs mcxent with " + activation + "; mcxent expects probabilities that sum to 1",
                    "use activation softmax"));
        }
    }
}
