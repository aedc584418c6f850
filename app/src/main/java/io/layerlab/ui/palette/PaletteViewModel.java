package io.layerlab.ui.palette;

import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.Category;
import io.layerlab.catalog.LayerKind;
import io.layerlab.graph.AddNode;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.Workspace;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Point2D;

/**
 * The palette's content: the catalog's layers grouped by category, activation functions listed
 * one by one under Activations, filtered by the search text; and adding an entry to the graph
 * (what a double-click does; dragging is handled by the canvas on drop).
 */
public final class PaletteViewModel {
    private final Workspace workspace;
    private final Supplier<Point2D> placement;
    private final List<PaletteGroup> allGroups;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyObjectWrapper<List<PaletteGroup>> groups = new ReadOnlyObjectWrapper<>(this, "groups");

    /**
     * @param placement where a double-clicked entry goes, in graph coordinates (the centre of
     *                  the visible canvas)
     */
    public PaletteViewModel(Workspace workspace, Supplier<Point2D> placement) {
        this.workspace = Objects.requireNonNull(workspace);
        this.placement = Objects.requireNonNull(placement);
        this.allGroups = catalogGroups();
        groups.set(allGroups);
        query.addListener((obs, old, q) -> groups.set(filter(q)));
    }

    /** The search text; groups follow it as it changes. */
    public StringProperty queryProperty() { return query; }

    /** The groups to show, each with the entries matching the search; empty groups are left out while searching. */
    public ReadOnlyObjectProperty<List<PaletteGroup>> groupsProperty() { return groups.getReadOnlyProperty(); }

    public List<PaletteGroup> groups() { return groups.get(); }

    /**
     * Adds a node for {@code entry} at the placement point as one undoable edit and selects it.
     * Returns the new node's id.
     */
    public String addToGraph(PaletteEntry entry) {
        DesignDocument doc = workspace.document();
        Graph graph = doc.graph();
        Point2D at = placement.get();
        Node node = switch (entry.kind()) {
            case LAYER -> new Node(graph.freshId(entry.name()), entry.name(), at.getX(), at.getY(), Map.of());
            case ACTIVATION -> new Node(graph.freshId(entry.name()), "Activation", at.getX(), at.getY(),
                    Map.of("function", entry.name()));
        };
        doc.execute(new AddNode(node));
        doc.selection().clear();
        doc.selection().add(node.id());
        return node.id();
    }

    private List<PaletteGroup> filter(String q) {
        if (q == null || q.isBlank()) return allGroups;
        List<PaletteGroup> out = new ArrayList<>();
        for (PaletteGroup g : allGroups) {
            List<PaletteEntry> hits = g.entries().stream().filter(e -> e.matches(q)).toList();
            if (!hits.isEmpty()) out.add(new PaletteGroup(g.category(), hits));
        }
        return List.copyOf(out);
    }

    private static List<PaletteGroup> catalogGroups() {
        Map<Category, List<PaletteEntry>> byCategory = new EnumMap<>(Category.class);
        for (Category c : Category.values()) byCategory.put(c, new ArrayList<>());
        for (LayerKind kind : Catalog.layers()) {
            // The Activation layer is offered once per function, which is what people look for.
            if (kind.type().equals("Activation")) continue;
            byCategory.get(kind.category()).add(PaletteEntry.of(kind));
        }
        Catalog.activations().forEach(fn -> byCategory.get(Category.ACTIVATIONS).add(PaletteEntry.of(fn)));
        List<PaletteGroup> out = new ArrayList<>();
        byCategory.forEach((c, entries) -> { if (!entries.isEmpty()) out.add(new PaletteGroup(c, entries)); });
        return List.copyOf(out);
    }
}
