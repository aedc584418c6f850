package io.layerlab.ui.palette;

import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.Category;
import io.layerlab.catalog.LayerKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The palette's content: the catalog's layers grouped by category, activation functions listed
 * one by one under Activations, filtered by the search text; and adding an entry to the graph
 * (what a double-click does; a drag is taken by the canvas on drop).
 */
public final class PaletteViewModel {
    private final NodePlacer placer;
    private final List<PaletteGroup> allGroups;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyObjectWrapper<List<PaletteGroup>> groups = new ReadOnlyObjectWrapper<>(this, "groups");

    /** @param placer adds a double-clicked entry at the centre of the canvas (one undoable edit) */
    public PaletteViewModel(NodePlacer placer) {
        this.placer = Objects.requireNonNull(placer);
        this.allGroups = catalogGroups();
        groups.set(allGroups);
        query.addListener((obs, old, q) -> groups.set(filter(q)));
    }

    /** The search text; groups follow it as it changes. */
    public StringProperty queryProperty() { return query; }

    /** The groups to show, each with the entries matching the search; empty groups are left out while searching. */
    public ReadOnlyObjectProperty<List<PaletteGroup>> groupsProperty() { return groups.getReadOnlyProperty(); }

    public List<PaletteGroup> groups() { return groups.get(); }

    /** Adds a node for {@code entry} at the centre of the canvas and selects it; returns its id. */
    public String addToGraph(PaletteEntry entry) {
        return switch (entry.kind()) {
            case LAYER -> placer.place(entry.name(), Map.of());
            case ACTIVATION -> placer.place("Activation", Map.of("function", entry.name()));
        };
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
