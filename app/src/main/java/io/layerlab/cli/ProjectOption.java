package io.layerlab.cli;

import io.layerlab.project.Project;
import io.layerlab.project.ProjectFileException;
import io.layerlab.project.ProjectReader;
import java.nio.file.Path;

/** Reads the project a subcommand names, turning a bad file into one clear message (exit 1). */
final class ProjectOption {
    private ProjectOption() { }

    static Project read(Path file) {
        try {
            return new ProjectReader().read(file);
        } catch (ProjectFileException e) {
            throw new CliException(e.getMessage());
        }
    }
}
