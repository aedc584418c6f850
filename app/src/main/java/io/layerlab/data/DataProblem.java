package io.layerlab.data;

import java.util.Objects;

/**
 * One thing wrong with a data section, as data: where (a path in the project file such as
 * {@code data.params.samples}) and what is wrong, including what would be valid.
 */
public record DataProblem(String place, String message) {
    public DataProblem {
        Objects.requireNonNull(place);
        Objects.requireNonNull(message);
    }

    /** {@code data.params.samples: is 5; must be a whole number from 10 to 1000000}. */
    @Override public String toString() { return place + ": " + message; }
}
