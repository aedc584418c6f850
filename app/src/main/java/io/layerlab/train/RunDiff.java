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
    /** Significant digits of numbers: every one for two runs' "from → to", four (as the runs table shows them) in a list of many runs' values. */
    private static final int EXACT = 12;
    private static final int SHORT = 4;

    private RunDiff() {
    }

    public static List<String> between(RunRecord from, RunRecord to) {
        return between(from.setup(), to.setup());
    }

    public static List<String> between(RunSetup from, RunSetup to) {
        List<String> changes = new ArrayList<>();
        Map<String, String> before = settings(from, EXACT);
        Map<String, String> after = settings(to, EXACT);
        for (String what : union(List.of(before, after))) {
            change(changes, what, before.get(what), after.get(what));
        }
        graph(from, to, changes);
        return List.copyOf(changes);
    }

    /**
     * What differs among several runs (given in the order to report them): each hyperparameter and
     * data setting that is not the same in all of them, with its value in each run in turn
     * ("learning rate 0.01, 0.05, 0.1"), then how the graph changed from each run to the next where
     * it did ("Run 3 after Run 2: added Dense hidden3"). For two runs, see {@link #between}.
     */
    public static List<String> among(List<RunSetup> setups) {
        List<String> changes = new ArrayList<>();
        List<Map<String, String>> settings = setups.stream().map(s -> settings(s, SHORT)).toList();
        for (String what : union(settings)) {
            List<String> values = settings.stream().map(m -> shown(m.get(what))).toList();
            if (values.stream().distinct().count() > 1) {
                changes.add(what + " " + String.join(", ", values));
            }
        }
        for (int i = 1; i < setups.size(); i++) {
            List<String> graph = new ArrayList<>();
            graph(setups.get(i - 1), setups.get(i), graph);
            for (String line : graph) {
                changes.add(setups.get(i).name() + " after " + setups.get(i - 1).name() + ": " + line);
            }
        }
        return List.copyOf(changes);
    }

    private static void graph(RunSetup from, RunSetup to, List<String> out) {
        if (from.graphVersion() != to.graphVersion() || !from.nodes().equals(to.nodes()) || !from.edges().equals(to.edges())) {
            nodes(from.nodes(), to.nodes(), out);
            edges(from.edges(), to.edges(), out);
        }
    }

    /** Every setting's name in the order first met, across {@code settings}. */
    private static Set<String> union(List<Map<String, String>> settings) {
        Set<String> names = new LinkedHashSet<>();
        settings.forEach(m -> names.addAll(m.keySet()));
        return names;
    }

    /** A run's hyperparameters, then its data settings, by name, each as it is shown (numbers to {@code digits} significant digits). */
    private static Map<String, String> settings(RunSetup setup, int digits) {
        Map<String, String> out = new LinkedHashMap<>();
        TrainingSpec t = setup.training();
        out.put("optimiser", t.optimizer());
        out.put("learning rate", LearningRateAdvice.format(t.learningRate(), digits));
        out.put("learning-rate schedule", schedule(t));
        out.put("batch size", String.valueOf(t.batchSize()));
        out.put("epochs", String.valueOf(t.epochs()));
        out.put("shuffle", t.shuffle() ? "on" : "off");
        out.put("training seed", String.valueOf(t.seed()));
        DataSpec d = setup.data();
        out.put("data source", d.source());
        // By name: a data spec's parameters may come in any order.
        for (Map.Entry<String, Object> param : new java.util.TreeMap<>(d.params()).entrySet()) {
            out.put("data " + param.getKey(), value(param.getValue()));
        }
        out.put("validation split", LearningRateAdvice.format(d.validationSplit(), digits));
        out.put("data seed", String.valueOf(d.seed()));
        return out;
    }

    private static String schedule(TrainingSpec spec) {
        try {
            return LearningRateSchedule.of(spec).describe();
        } catch (IllegalArgumentException e) {
            return String.valueOf(spec.extras().get(LearningRateSchedule.KEY));
        }
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
