package io.layerlab.ui.canvas;

import io.layerlab.catalog.Catalog;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.DiagnosticCode;
import io.layerlab.shape.LayerInfo;
import io.layerlab.shape.ShapeReport;
import io.layerlab.shape.TensorShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small stand-in for the shape check, enough for the canvas tests: shapes through the common
 * layers, parameter counts of Dense and Conv2D, and the problems the canvas must show (an image
 * fed to a Dense, a layer without input).
 */
final class FakeShapes {
    private FakeShapes() { }

    static ShapeReport infer(Graph g) {
        Map<String, LayerInfo> infos = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, TensorShape> out = new HashMap<>();
        List<String> order = new ArrayList<>();
        List<Node> pending = new ArrayList<>(g.nodes());
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (Node n : new ArrayList<>(pending)) {
                List<Edge> in = g.inputsOf(n.id());
                if (!in.stream().allMatch(e -> out.containsKey(e.from()) || !pending.stream().anyMatch(p -> p.id().equals(e.from())))) continue;
                pending.remove(n);
                progress = true;
                order.add(n.id());
                List<TensorShape> inputs = new ArrayList<>();
                for (Edge e : in) if (out.get(e.from()) != null) inputs.add(out.get(e.from()));
                TensorShape shape = null;
                long params = 0;
                if (!n.type().equals("Input") && inputs.isEmpty()) {
                    problems.add(Diagnostic.error(DiagnosticCode.MISSING_INPUT, n.id(), null,
                            n.type() + " '" + n.id() + "' has no input", "wire a layer's output into it"));
                } else {
                    TensorShape x = inputs.isEmpty() ? null : inputs.get(0);
                    switch (n.type()) {
                        case "Input" -> {
                            @SuppressWarnings("unchecked")
                            List<Integer> s = (List<Integer>) Catalog.effectiveParam("Input", n.params(), "shape");
                            shape = TensorShape.fromList(s);
                        }
                        case "Dense", "Output" -> {
                            int units = (Integer) Catalog.effectiveParam(n.type(), n.params(), "units");
                            shape = TensorShape.features(units);
                            if (x.kind() != TensorShape.Kind.FEATURES) {
                                problems.add(Diagnostic.error(DiagnosticCode.WRONG_INPUT_KIND, n.id(), null,
                                        n.type() + " '" + n.id() + "' is fed an image " + x.label(),
                                        "put a Flatten or GlobalAveragePooling2D before it"));
                            } else {
                                params = (long) x.dim(0) * units + units;
                            }
                        }
                        case "Conv2D" -> {
                            int filters = (Integer) Catalog.effectiveParam("Conv2D", n.params(), "filters");
                            @SuppressWarnings("unchecked")
                            List<Integer> k = (List<Integer>) Catalog.effectiveParam("Conv2D", n.params(), "kernel");
                            boolean same = "same".equals(Catalog.effectiveParam("Conv2D", n.params(), "padding"));
                            if (x.kind() == TensorShape.Kind.IMAGE) {
                                shape = TensorShape.image(same ? x.height() : x.height() - k.get(0) + 1,
                                        same ? x.width() : x.width() - k.get(1) + 1, filters);
                                params = (long) k.get(0) * k.get(1) * x.channels() * filters + filters;
                            }
                        }
                        case "MaxPooling2D", "AveragePooling2D" -> shape = x.kind() == TensorShape.Kind.IMAGE
                                ? TensorShape.image(x.height() / 2, x.width() / 2, x.channels()) : null;
                        case "Flatten" -> shape = TensorShape.features((int) x.size());
                        case "GlobalAveragePooling2D" -> shape = TensorShape.features(x.lastDim());
                        case "Concatenate" -> {
                            int sum = 0;
                            for (TensorShape s : inputs) sum += s.lastDim();
                            shape = TensorShape.features(sum);
                        }
                        default -> shape = x;
                    }
                }
                out.put(n.id(), shape);
                infos.put(n.id(), new LayerInfo(n.id(), n.type(), shape, params, 0));
            }
        }
        for (Node n : pending) {
            problems.add(Diagnostic.error(DiagnosticCode.CYCLE, n.id(), null, n.id() + " is on a loop", "remove a wire of the loop"));
        }
        return new ShapeReport(infos, order, problems);
    }
}
