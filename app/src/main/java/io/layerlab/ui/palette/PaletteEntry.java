package io.layerlab.ui.palette;

import io.layerlab.catalog.ActivationKind;
import io.layerlab.catalog.Category;
import io.layerlab.catalog.LayerKind;
import java.util.Locale;

/**
 * One thing the palette offers: a layer type, or an activation function (which becomes an
 * Activation node).
 *
 * @param name       the layer type ("Dense") or the activation function name ("relu")
 * @param title      what the palette shows ("Dense", "ReLU")
 * @param summary    one line under the title
 * @param details    the tooltip: summary and explanation
 */
public record PaletteEntry(Kind kind, Category category, String name, String title, String summary,
                           String details) {

    public enum Kind { LAYER, ACTIVATION }

    static PaletteEntry of(LayerKind kind) {
        String details = kind.summary() + ".\n\n" + kind.explanation();
        return new PaletteEntry(Kind.LAYER, kind.category(), kind.type(), kind.type(), kind.summary(), details);
    }

    static PaletteEntry of(ActivationKind fn) {
        String details = fn.displayName() + ": " + fn.formula() + "\n\n" + fn.explanation();
        return new PaletteEntry(Kind.ACTIVATION, Category.ACTIVATIONS, fn.name(), fn.displayName(), fn.formula(), details);
    }

    /** True when every word of {@code query} occurs in the name, title or summary (any case). */
    boolean matches(String query) {
        String haystack = (name + " " + title + " " + summary).toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) return false;
        }
        return true;
    }
}
