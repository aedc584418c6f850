package io.layerlab.ui.shell;

import io.layerlab.project.Project;
import java.nio.file.Path;

/** Reading and writing project files, as the window needs it; runs on a worker thread. */
public interface ProjectFiles {
    /** @throws Exception with a message naming the file and the problem */
    Project read(Path file) throws Exception;

    /** Writes atomically: a crash leaves the old file or the new one, never half of one. */
    void write(Project project, Path file) throws Exception;
}
