package io.layerlab.export;

import io.layerlab.project.AtomicFile;
import io.layerlab.project.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** An export whose result is one text file (a script, source code, a diagram, a document). */
public interface TextExporter {
    /**
     * The exported text.
     *
     * @throws ExportException when the project's network cannot be exported, naming every problem
     */
    String export(Project project);

    /**
     * Writes {@link #export(Project)} to {@code file} as UTF-8, atomically: the whole text is made
     * first, so a project that cannot be exported leaves no file, and an interrupted write leaves
     * the previous file as it was.
     */
    default void write(Project project, Path file) throws IOException {
        byte[] bytes = export(project).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, bytes);
    }
}
