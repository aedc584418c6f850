package io.layerlab.train;

import io.layerlab.catalog.Catalog;
import io.layerlab.data.DataSpec;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed from one run's setup to another's, in plain words: "learning rate 0.01 → 0.1",
 * "hidden1.units 64 → 32", "added Dense hidden3", "wire hidden1 → out removed". Hyperparameters
 * first, then the data, then the graph. Node positions are not a change; a parameter left at its
 * default and the same value set explicitly are the same.
 */
public final class RunDiff {
    private RunDiff() {
    }

    public static List<String> between(RunRecord from, RunRecord to) {
        return between(from.setup(), to.setup());
    }

    public static List<String> between(RunSetup from, RunSetup to) {
        List<String> changes = new ArrayList<>();
        training(from.training(), to.training(), changes);
        data(from.data(), to.data(), changes);
        if (from.graphVersion() != to.graphVersion() || !from.nodes().equals(to.nodes()) || !from.edges().equals(to.edges())) {
            nodes(from.nodes(), to.nodes(), changes);
            edges(from.edges(), to.edges(), changes);
        }
        return List.copyOf(changes);
    }

    private static void training(TrainingSpec a, TrainingSpec b, List<String> out) {
        change(out, "optimiser", a.optimizer(), b.optimizer());
        change(out, "learning rate", number(a.learningRate()), number(b.learningRate()));
        change(out, "learning-rate schedule", schedule(a), schedule(b));
        change(out, "batch size", a.batchSize(), b.batchSize());
        change(out, "epochs", a.epochs(), b.epochs());
        change(out, "shuffle", a.shuffle() ? "on" : "off", b.shuffle() ? "on" : "off");
        change(out, "training seed", a.seed(), b.seed());
    }

    private static String schedule(TrainingSpec spec) {
        try {
            return LearningRateSchedule.of(spec).describe();
        } catch (IllegalArgumentException e) {
            return String.valueOf(spec.extras().get(LearningRateSchedule.KEY));
        }
    }

    private static void data(DataSpec a, DataSpec b, List<String> out) {
        change(out, "data source", a.source(), b.source());
        Set<String> keys = new LinkedHashSet<>(a.params().keySet());
        keys.addAll(b.params().keySet());
        for (String key : keys) {
            change(out, "data " + key, value(a.params().get(key)), value(b.params().get(key)));
        }
        change(out, "validation split", number(a.validationSplit()), number(b.validationSplit()));
        change(out, "data seed", a.seed(), b.seed());
    }

    private static void nodes(List<Node> a, List<Node> b, List<String> out) {
        Map<String, Node> before = byId(a);
        Map<String, Node> after = byId(b);
        for (Node node : a) {
            if (!after.containsKey(node.id())) {
                out.add("removed " + node.type() + " " + node.id());
            }
        }
        for (Node node : b) {
            Node old = before.get(node.id());
            if (old == null) {
                out.add("added " + node.type() + " " + node.id() + describeParams(node));
            } else if (!old.type().equals(node.type())) {
                out.add(node.id() + " " + old.type() + " → " + node.type());
            } else {
                params(old, node, out);
            }
        }
    }

    private static void params(Node a, Node b, List<String> out) {
        Set<String> names = new LinkedHashSet<>(a.params().keySet());
        names.addAll(b.params().keySet());
        for (String name : names) {
            Object was = Catalog.effectiveParam(a.type(), a.params(), name);
            Object is = Catalog.effectiveParam(b.type(), b.params(), name);
            change(out, a.id() + "." + name, value(was), value(is));
        }
    }

    private static String describeParams(Node node) {
        if (node.params().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        node.params().forEach((k, v) -> parts.add(k + " " + value(v)));
        return " (" + String.join(", ", parts) + ")";
    }

    private static void edges(List<Edge> a, List<Edge> b, List<String> out) {
        for (Edge e : a) {
            if (!b.contains(e)) {
                out.add("wire " + wire(e) + " removed");
            }
        }
        for (Edge e : b) {
            if (!a.contains(e)) {
                out.add("wire " + wire(e) + " added");
            }
        }
    }

    private static String wire(Edge e) {
        return e.from() + " → " + e.to() + (e.toPort() == 0 ? "" : " (input " + (e.toPort() + 1) + ")");
    }

    private static Map<String, Node> byId(List<Node> nodes) {
        Map<String, Node> map = new LinkedHashMap<>();
        for (Node n : nodes) {
            map.put(n.id(), n);
        }
        return map;
    }

    private static void change(List<String> out, String what, Object was, Object is) {
        if (!Objects.equals(String.valueOf(was), String.valueOf(is))) {
            out.add(what + " " + shown(was) + " → " + shown(is));
        }
    }

    private static String shown(Object value) {
        return value == null || "null".equals(value) ? "(none)" : value.toString();
    }

    private static String number(double value) {
        return LearningRateAdvice.format(value);
    }

    /** Parameters as a person writes them: 0.5 not 0.50000, whole numbers without ".0", lists as [3, 3]. */
    private static String value(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double || value instanceof Float) {
            return number(((Number) value).doubleValue());
        }
        return value.toString();
    }
}
