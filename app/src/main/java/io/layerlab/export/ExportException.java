package io.layerlab.export;

import io.layerlab.shape.Diagnostic;
import java.util.List;

/**
 * A project that cannot be exported, with every problem that stops it. Thrown before anything is
 * written, so a failed export leaves no file behind.
 */
public final class ExportException extends RuntimeException {
    private final transient List<Diagnostic> problems;

    public ExportException(String projectName, List<Diagnostic> problems) {
        super(message(projectName, problems));
        this.problems = List.copyOf(problems);
    }

    /** What stops the export, one diagnostic per problem (each names its node where it has one). */
    public List<Diagnostic> problems() { return problems; }

    private static String message(String projectName, List<Diagnostic> problems) {
        StringBuilder sb = new StringBuilder("cannot export \"").append(projectName).append("\": ");
        if (problems.size() == 1) {
            sb.append(problems.get(0));
        } else {
            sb.append(problems.size()).append(" problems in the network");
            for (Diagnostic d : problems) sb.append("\n  ").append(d);
        }
        return sb.toString();
    }
}
