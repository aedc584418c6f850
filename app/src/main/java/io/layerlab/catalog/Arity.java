package io.layerlab.catalog;

/** How many wires a layer takes in. */
public enum Arity {
    /** The network's input: no wires in. */
    NONE,
    /** Exactly one wire in. */
    ONE,
    /** Two or more wires in (merges). */
    MANY
}
