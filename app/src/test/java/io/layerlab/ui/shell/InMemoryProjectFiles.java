package io.layerlab.ui.shell;

import io.layerlab.project.Project;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Project files kept in a map, for window tests that are about prompts and titles, not the file format. */
final class InMemoryProjectFiles implements ProjectFiles {
    final Map<Path, Project> files = new HashMap<>();

    @Override public Project read(Path file) throws Exception {
        Project p = files.get(file);
        if (p == null) throw new NoSuchFileException(file.toString(), null, "no such file");
        return MainViewModel.snapshot(p);
    }

    @Override public void write(Project project, Path file) { files.put(file, MainViewModel.snapshot(project)); }
}
