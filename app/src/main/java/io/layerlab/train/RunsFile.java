package io.layerlab.train;

import io.layerlab.project.AtomicFile;
import io.layerlab.project.ProjectFileException;
import io.layerlab.project.ProjectFormat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The finished training runs of a project, kept beside its file ({@code NAME.layerlab.runs.json}
 * beside {@code NAME.layerlab.json}) so that they survive closing LayerLab:
 * <pre>{@code
 * {"format": "layerlab-runs", "version": 1, "runs": [
 *   {"id": 1, "name": "Run 1", "colourIndex": 0, "graphVersion": 12, "startedAt": "2026-11-27T06:00:00Z",
 *    "project": {...the project the run trained, as in a project file...},
 *    "result": {"epochs": 20, ..., "stopReason": "COMPLETED", "hint": null,
 *               "history": {"iterationLoss": [...], "trainLoss": [...], "valLoss": [...],
 *                           "valAccuracy": [...], "learningRate": [...], "seconds": [...]}},
 *    "evaluation": null | {"kind": "confusion", "part": "validation", "classNames": [...], "counts": [[...], ...]}
 *                       | {"kind": "predictions", "part": "validation", "targetNames": [...], "truth": [...], "predicted": [...]}}
 * ]}
 * }</pre>
 * Numbers that are not finite (a diverged run's losses, the accuracy of a regression) are the
 * texts {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, which JSON numbers cannot be.
 * The networks the runs kept are not in this file but beside it, one model zip per run
 * ({@link RunNetworks}), so that the curves read fast and the networks stay usable by DL4J alone.
 * Reading checks every field it knows (types, ranges, one value per epoch in each per-epoch list)
 * and skips fields it does not know; a missing {@code "evaluation"} reads as null.
 *
 * <p>Iteration losses are streamed both ways, never held as a tree: a long run has hundreds of
 * thousands of them.
 */
public final class RunsFile {
    static final String FORMAT_NAME = "layerlab-runs";
    static final int VERSION = 1;
    static final String SUFFIX = ".runs.json";

    private RunsFile() {
    }

    /** "runs" sidecar beside a project file: foo.layerlab.json -> foo.layerlab.runs.json; any other name gets ".runs.json" appended. */
    public static Path besideProject(Path projectFile) {
        String name = projectFile.getFileName().toString();
        String stem = name.endsWith(ProjectFormat.FILE_SUFFIX) ? name.substring(0, name.length() - ".json".length()) : name;
        return projectFile.resolveSibling(stem + SUFFIX);
    }

    /**
     * Replaces {@code file} with {@code runs}, in order, atomically ({@link AtomicFile}): a failure
     * leaves the file as it was. An empty list deletes the file if it exists.
     */
    public static void write(List<RunRecord> runs, Path file) throws IOException {
        RunsFileWriter.write(runs, file);
    }

    /**
     * Reads the runs back, in the order they were written; a missing file gives an empty list.
     *
     * @throws ProjectFileException when the file is not a runs file this LayerLab reads, or is
     *                              damaged: the message names the file, the place (line, column and
     *                              a path such as {@code runs[2].result.history}) and what would be valid
     * @throws IOException          when the file exists but cannot be read
     */
    public static List<RunRecord> read(Path file) throws IOException, ProjectFileException {
        return RunsFileReader.read(file);
    }
}
