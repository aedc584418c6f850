package io.layerlab.ui.canvas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Some nodes and the wires among them, as copied to the clipboard: the project file's graph
 * section ({@code {"nodes":[...],"edges":[...]}}), so a copy can be pasted into another project
 * or read by a person. Plain logic, no JavaFX.
 */
public record NodeSnippet(List<Node> nodes, List<Edge> edges) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NODE_FIELDS = Set.of("id", "type", "x", "y", "params");

    public NodeSnippet {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The given nodes of {@code graph} (in graph order) and only the wires running between them. */
    public static NodeSnippet of(Graph graph, Collection<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        List<Node> nodes = new ArrayList<>();
        for (Node n : graph.nodes()) if (wanted.contains(n.id())) nodes.add(n);
        List<Edge> edges = new ArrayList<>();
        for (Edge e : graph.edges()) if (wanted.contains(e.from()) && wanted.contains(e.to())) edges.add(e);
        return new NodeSnippet(nodes, edges);
    }

    public boolean isEmpty() { return nodes.isEmpty(); }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode ns = root.putArray("nodes");
        for (Node n : nodes) {
            ObjectNode o = ns.addObject();
            o.put("id", n.id());
            o.put("type", n.type());
            o.put("x", n.x());
            o.put("y", n.y());
            o.set("params", JSON.valueToTree(n.params()));
            // Fields a newer LayerLab wrote travel along, as in the project file.
            n.extras().forEach((k, v) -> { if (!o.has(k)) o.set(k, JSON.valueToTree(v)); });
        }
        ArrayNode es = root.putArray("edges");
        for (Edge e : edges) {
            ObjectNode o = es.addObject();
            o.put("from", e.from());
            o.put("to", e.to());
            if (e.toPort() != 0) o.put("toPort", e.toPort());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Reads a snippet written by {@link #toJson}.
     *
     * @throws IllegalArgumentException naming what is wrong, if the text is not such a snippet
     */
    public static NodeSnippet fromJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the clipboard does not hold LayerLab nodes: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("nodes").isArray()) {
            throw new IllegalArgumentException("the clipboard does not hold LayerLab nodes: expected {\"nodes\": [...], \"edges\": [...]}");
        }
        List<Node> nodes = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root.get("nodes")) {
            String where = "nodes[" + i++ + "]";
            String id = text(n, "id", where);
            String type = text(n, "type", where);
            Map<String, Object> params = n.has("params") && n.get("params").isObject()
                    ? JSON.convertValue(n.get("params"), LinkedHashMap.class) : Map.of();
            Map<String, Object> extras = new LinkedHashMap<>();
            n.fields().forEachRemaining(f -> {
                if (!NODE_FIELDS.contains(f.getKey())) extras.put(f.getKey(), JSON.convertValue(f.getValue(), Object.class));
            });
            nodes.add(new Node(id, type, n.path("x").asDouble(), n.path("y").asDouble(), params, extras));
        }
        List<Edge> edges = new ArrayList<>();
        i = 0;
        for (JsonNode e : root.path("edges")) {
            String where = "edges[" + i++ + "]";
            int port = e.path("toPort").asInt(0);
            if (port < 0) throw new IllegalArgumentException(where + ".toPort is " + port + "; it must be 0 or more");
            edges.add(new Edge(text(e, "from", where), text(e, "to", where), port));
        }
        return new NodeSnippet(nodes, edges);
    }

    private static String text(JsonNode o, String field, String where) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + " is missing; it must be a non-empty string");
        }
        return v.asText();
    }
}
