package io.layerlab.model;

import java.nio.file.Path;

/**
 * A model file (a DL4J model zip, a Keras .h5 file) that cannot be used as it is. The message
 * names the file and says what is wrong, e.g. {@code model.zip is not a DL4J model: it has no
 * configuration.json entry} or {@code model.zip: entry ../../etc/passwd points outside the archive}.
 */
public final class ModelFileException extends Exception {
    private final transient Path file;
    private final String problem;

    /**
     * @param problem what is wrong, phrased to follow the file name: "is not a zip archive ...",
     *                or after a colon: "entry x.bin declares 40.0 GB ..."
     */
    public ModelFileException(Path file, String problem, Throwable cause) {
        super(compose(file, problem), cause);
        this.file = file;
        this.problem = problem;
    }

    public ModelFileException(Path file, String problem) {
        this(file, problem, null);
    }

    /** The file the problem is in. */
    public Path file() { return file; }

    /** The problem alone, without the file name. */
    public String problem() { return problem; }

    private static String compose(Path file, String problem) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return problem.startsWith("entry ") ? name + ": " + problem : name + " " + problem;
    }
}
