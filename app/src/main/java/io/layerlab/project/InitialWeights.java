package io.layerlab.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Weights a project's training starts from instead of fresh ones: a Keras model's, kept for
 * fine-tuning, or a trained model's. Arrays are kept per DL4J vertex (a node id, or an inner vertex
 * a node compiles to such as {@code dense1_linear}) and per DL4J parameter name ({@code W},
 * {@code b}, {@code gamma}...), as floats in C order. Plain Java, so reading a project needs no
 * ND4J; {@link io.layerlab.train.NetworkWeights} moves them in and out of networks.
 *
 * <p>Immutable, apart from a note of the sidecar file known to hold exactly these weights, so
 * saving the project again in the same place does not rewrite them.
 */
public final class InitialWeights {
    /** One parameter array: its shape and its values in C (row-major) order. */
    public record Array(long[] shape, float[] values) {
        public Array {
            shape = shape.clone();
            long n = 1;
            for (long d : shape) {
                if (d < 1) throw new IllegalArgumentException("dimensions must be 1 or more, was " + Arrays.toString(shape));
                n = Math.multiplyExact(n, d);
            }
            if (n != values.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, not " + values.length);
            }
        }

        @Override public long[] shape() { return shape.clone(); }

        public boolean hasShape(long[] other) { return Arrays.equals(shape, other); }

        public String shapeText() { return Arrays.toString(shape); }
    }

    private final String source;
    private final Map<String, Map<String, Array>> vertices;
    private final AtomicReference<Stored> stored = new AtomicReference<>();

    /**
     * @param source   where the weights come from, as a person reads it: "Keras model digits.h5"
     * @param vertices arrays per vertex name and parameter name (copied; order kept)
     */
    public InitialWeights(String source, Map<String, Map<String, Array>> vertices) {
        this.source = Objects.requireNonNull(source);
        Map<String, Map<String, Array>> copy = new LinkedHashMap<>();
        vertices.forEach((vertex, params) -> copy.put(vertex, Collections.unmodifiableMap(new LinkedHashMap<>(params))));
        this.vertices = Collections.unmodifiableMap(copy);
    }

    public String source() { return source; }

    /** The vertices that have weights here, in the order they were given. */
    public Set<String> vertices() { return vertices.keySet(); }

    /** The arrays of {@code vertex} by parameter name; empty when it has none here. */
    public Map<String, Array> params(String vertex) { return vertices.getOrDefault(vertex, Map.of()); }

    /** How many values all arrays hold together. */
    public long parameterCount() {
        long n = 0;
        for (Map<String, Array> params : vertices.values()) for (Array a : params.values()) n += a.values().length;
        return n;
    }

    /** True if {@code file} is the sidecar these weights were last read from or written to, unchanged since. */
    boolean isStoredIn(Path file) {
        Stored s = stored.get();
        return s != null && s.matches(file);
    }

    /** The sidecar last known to hold these weights, if any. */
    Optional<Path> storedIn() {
        Stored s = stored.get();
        return s == null ? Optional.empty() : Optional.of(s.file());
    }

    /** Notes that {@code file} now holds exactly these weights. */
    void markStoredIn(Path file) {
        stored.set(Stored.of(file));
    }

    /** A sidecar file as it was when it held these weights: a later change to it is noticed. */
    private record Stored(Path file, long size, long modified) {
        static Stored of(Path file) {
            Path absolute = file.toAbsolutePath().normalize();
            try {
                return new Stored(absolute, Files.size(absolute), Files.getLastModifiedTime(absolute).toMillis());
            } catch (IOException e) {
                return new Stored(absolute, -1, -1);
            }
        }

        boolean matches(Path other) {
            Stored now = of(other);
            return size >= 0 && now.equals(this);
        }
    }
}
