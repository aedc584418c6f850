package io.layerlab.project;

/** Constants of the project file format. */
public final class ProjectFormat {
    /** The value of the top-level {@code "format"} field of every project file. */
    public static final String FORMAT_NAME = "layerlab-project";
    /** The format version this program writes and the newest it reads. */
    public static final int CURRENT_VERSION = 1;
    /** The first format version there was; nothing older exists. */
    public static final int FIRST_VERSION = 1;
    /** File name ending of project files. */
    public static final String FILE_SUFFIX = ".layerlab.json";

    private ProjectFormat() { }
}
