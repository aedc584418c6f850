package io.layerlab.project;

import java.util.Optional;

/**
 * A project file that cannot be read as it is. The message names the file, where in it the
 * problem is (line and column when known, and the JSON path such as
 * {@code graph.nodes[3].id}) and what would be valid, e.g.
 * {@code spiral.layerlab.json, line 14, column 15: graph.edges[2].to names no node: "h9" ...}.
 * Problems are phrased to follow the path or the file name: "is missing; ...", "must be ...".
 */
public final class ProjectFileException extends Exception {
    private final String source;
    private final String jsonPath;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param source   the file name or another name of where the JSON came from
     * @param jsonPath dotted path into the document, or null when the problem is not at a place
     * @param line     1-based line, or 0 when unknown
     * @param column   1-based column, or 0 when unknown
     * @param problem  what is wrong and what would be valid, phrased to follow the path (or, without
     *                 path and line, the file name): "must be a whole number, was ..." 
     */
    public ProjectFileException(String source, String jsonPath, int line, int column, String problem, Throwable cause) {
        super(compose(source, jsonPath, line, column, problem), cause);
        this.source = source;
        this.jsonPath = jsonPath;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public ProjectFileException(String source, String jsonPath, int line, int column, String problem) {
        this(source, jsonPath, line, column, problem, null);
    }

    /** The file (or stream name) the problem is in. */
    public String source() { return source; }

    /** Dotted JSON path of the offending value, such as {@code graph.nodes[3].params.units}. */
    public Optional<String> jsonPath() { return Optional.ofNullable(jsonPath); }

    /** 1-based line of the problem, 0 when unknown. */
    public int line() { return line; }

    /** 1-based column of the problem, 0 when unknown. */
    public int column() { return column; }

    /** The problem alone, without the place. */
    public String problem() { return problem; }

    /**
     * "FILE, line L, column C: PATH PROBLEM"; without a path "FILE, line L, column C: PROBLEM";
     * with neither path nor line "FILE PROBLEM", the problem then being said of the whole file
     * ("spiral.layerlab.json was written by a newer LayerLab ...").
     */
    private static String compose(String source, String jsonPath, int line, int column, String problem) {
        boolean hasPath = jsonPath != null && !jsonPath.isEmpty();
        if (!hasPath && line <= 0) return source + " " + problem;
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(", line ").append(line);
            if (column > 0) sb.append(", column ").append(column);
        }
        sb.append(": ");
        if (hasPath) sb.append(jsonPath).append(' ');
        return sb.append(problem).toString();
    }
}
