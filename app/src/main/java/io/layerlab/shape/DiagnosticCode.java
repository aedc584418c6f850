package io.layerlab.shape;

/** What kind of problem a {@link Diagnostic} reports; stable, so tests and the UI can match on it. */
public enum DiagnosticCode {
    UNKNOWN_TYPE,
    INVALID_PARAM,
    NO_INPUT_NODE,
    MISSING_INPUT,
    TOO_MANY_INPUTS,
    WRONG_INPUT_KIND,
    KERNEL_TOO_LARGE,
    SHAPE_MISMATCH,
    CYCLE,
    NO_OUTPUT,
    OUTPUT_NOT_REACHED,
    DANGLING,
    NOT_COMPILABLE,
    TOO_LARGE,
    BAD_WIRE
}
