package io.layerlab.compile;

import io.layerlab.shape.Diagnostic;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The graph cannot be turned into a DL4J network. Carries the problems as {@link Diagnostic}s
 * (node, parameter, message, hint), so the canvas can mark the nodes and the command line can
 * print them; it never wraps a DL4J stack trace as the user-facing message.
 *
 * <p>Unchecked, like Jackson's and DL4J's own exceptions; callers that show results to a person
 * catch it and read {@link #diagnostics()}.
 */
public final class CompileException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public CompileException(List<Diagnostic> diagnostics) {
        this(diagnostics, null);
    }

    public CompileException(List<Diagnostic> diagnostics, Throwable cause) {
        super(summary(diagnostics), cause);
        if (diagnostics.isEmpty()) throw new IllegalArgumentException("a CompileException needs at least one diagnostic");
        this.diagnostics = List.copyOf(diagnostics);
    }

    public CompileException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public List<Diagnostic> diagnostics() { return diagnostics; }

    private static String summary(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }
}
