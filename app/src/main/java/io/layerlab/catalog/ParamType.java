package io.layerlab.catalog;

/** The kind of value a parameter holds, which also picks its editor in the inspector. */
public enum ParamType {
    INT,
    DOUBLE,
    BOOLEAN,
    /** One of a fixed list of strings ({@link ParamSpec#choices()}). */
    CHOICE,
    /** An activation function name from {@link Catalog#activations()}. */
    ACTIVATION,
    /** A list of positive integers: a shape, a kernel, a stride. */
    INT_LIST
}
