package io.layerlab.shape;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects the problems of one pass; passed along rather than kept in a static. */
final class Diagnostics {
    private final List<Diagnostic> found = new ArrayList<>();
    private final Map<DiagnosticCode, Set<String>> nodesWithError = new EnumMap<>(DiagnosticCode.class);

    void error(DiagnosticCode code, String nodeId, String param, String message, String hint) {
        found.add(Diagnostic.error(code, nodeId, param, message, hint));
        if (nodeId != null) nodesWithError.computeIfAbsent(code, c -> new HashSet<>()).add(nodeId);
    }

    void warning(DiagnosticCode code, String nodeId, String param, String message, String hint) {
        found.add(Diagnostic.warning(code, nodeId, param, message, hint));
    }

    boolean hasErrorFor(String nodeId, DiagnosticCode code) {
        Set<String> nodes = nodesWithError.get(code);
        return nodes != null && nodes.contains(nodeId);
    }

    List<Diagnostic> all() { return found; }
}
