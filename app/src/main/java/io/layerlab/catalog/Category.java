package io.layerlab.catalog;

/** The palette's groups, in the order shown. */
public enum Category {
    CORE("Core"),
    CONVOLUTION("Convolution"),
    RECURRENT("Recurrent"),
    ATTENTION("Attention"),
    MERGE("Merge"),
    ACTIVATIONS("Activations");

    private final String label;

    Category(String label) { this.label = label; }

    public String label() { return label; }
}
