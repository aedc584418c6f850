package io.layerlab.shape;

/**
 * One problem found in a graph, as data: the canvas marks the node, the problems list shows
 * the message, the command line prints it.
 *
 * @param nodeId  the node at fault, or null for the graph as a whole
 * @param param   the parameter at fault, or null
 * @param message what is wrong, in plain words ("Dense 'dense1' is fed an image 28×28×1")
 * @param hint    what would be valid ("put a Flatten before it"), or null
 */
public record Diagnostic(Severity severity, DiagnosticCode code, String nodeId, String param,
                         String message, String hint) {

    public static Diagnostic error(DiagnosticCode code, String nodeId, String param, String message, String hint) {
        return new Diagnostic(Severity.ERROR, code, nodeId, param, message, hint);
    }

    public static Diagnostic warning(DiagnosticCode code, String nodeId, String param, String message, String hint) {
        return new Diagnostic(Severity.WARNING, code, nodeId, param, message, hint);
    }

    public boolean isError() { return severity == Severity.ERROR; }

    /** One line: "error at dense1.units: ... (hint)". */
    @Override public String toString() {
        String where = nodeId == null ? "graph" : nodeId + (param == null ? "" : "." + param);
        return severity.name().toLowerCase() + " at " + where + ": " + message + (hint == null ? "" : " — " + hint);
    }
}
