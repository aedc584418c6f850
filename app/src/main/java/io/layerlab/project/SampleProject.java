package io.layerlab.project;

/**
 * One bundled sample: its resource file name (e.g. {@code "spiral.layerlab.json"}), the
 * project's name and the description of the concept it teaches. Open it with
 * {@link SampleProjects#open(SampleProject)}.
 */
public record SampleProject(String fileName, String name, String description) {
    /** The file name without ".layerlab.json", e.g. "spiral": the short name the command line accepts. */
    public String shortName() {
        return fileName.endsWith(ProjectFormat.FILE_SUFFIX)
                ? fileName.substring(0, fileName.length() - ProjectFormat.FILE_SUFFIX.length()) : fileName;
    }
}
