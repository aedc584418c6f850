package io.layerlab.cli;

/** A problem the person can fix (a bad project, a failed run), reported as one message and an exit code. */
public class CliException extends RuntimeException {
    /** Invalid project or failed training. */
    public static final int FAILED = 1;

    private final int exitCode;

    public CliException(String message) { this(message, FAILED); }

    public CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() { return exitCode; }
}
