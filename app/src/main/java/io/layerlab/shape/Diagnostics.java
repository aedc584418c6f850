package io.layerlab.shape;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one pass; passed along rather than kept in a static. */
final class Diagnostics {
    private final List<Diagnostic> found = new ArrayList<>();

    void error(DiagnosticCode code, String nodeId, String param, String message, String hint) {
        found.add(Diagnostic.error(code, nodeId, param, message, hint));
    }

    void warning(DiagnosticCode code, String nodeId, String param, String message, String hint) {
        found.add(Diagnostic.warning(code, nodeId, param, message, hint));
    }

    boolean hasErrorFor(String nodeId, DiagnosticCode code) {
        for (Diagnostic d : found) if (d.isError() && d.code() == code && nodeId.equals(d.nodeId())) return true;
        return false;
    }

    List<Diagnostic> all() { return found; }
}
