package io.layerlab.ui.palette;

import io.layerlab.catalog.Category;
import java.util.List;

/** A palette section: a catalog category and its entries in catalog order. */
public record PaletteGroup(Category category, List<PaletteEntry> entries) {
    public PaletteGroup {
        entries = List.copyOf(entries);
    }
}
