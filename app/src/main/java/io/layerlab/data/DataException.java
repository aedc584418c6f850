package io.layerlab.data;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The data section cannot be loaded. Unchecked: callers that show messages to a person (the
 * command line, the designer) catch it and print {@link #getMessage()}, which names every place
 * that is wrong and what would be valid, one problem per line.
 */
public final class DataException extends RuntimeException {
    private final List<DataProblem> problems;

    public DataException(List<DataProblem> problems) {
        super(problems.stream().map(DataProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) throw new IllegalArgumentException("a DataException needs at least one problem");
        this.problems = List.copyOf(problems);
    }

    public DataException(String place, String message) {
        this(List.of(new DataProblem(place, message)));
    }

    public DataException(String place, String message, Throwable cause) {
        this(List.of(new DataProblem(place, message)));
        initCause(cause);
    }

    /** Every problem found, in the order of the data section's fields. */
    public List<DataProblem> problems() { return problems; }
}
