package io.layerlab.graph;

import java.util.Objects;

/**
 * A wire from one node's output to another node's input port. Port 0 is the only input of
 * single-input layers; merges ({@code Add}, {@code Concatenate}) order their inputs by port.
 */
public record Edge(String from, String to, int toPort) {
    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (toPort < 0) throw new IllegalArgumentException("toPort must be >= 0, was " + toPort);
    }

    public Edge(String from, String to) { this(from, to, 0); }

    @Override public String toString() { return from + " -> " + to + (toPort == 0 ? "" : ":" + toPort); }
}
