package io.layerlab.train;

import io.layerlab.model.ModelFileException;
import io.layerlab.project.ProjectFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A project's finished runs and the networks they hold, as kept beside its file (or beside its
 * recovery copy): the runs in a runs file ({@link RunsFile}), the networks in the folder named after
 * it ({@link RunNetworks#folderOf}).
 *
 * @param networks by run id; runs without a network (a sweep's) have none
 */
public record KeptRuns(List<RunRecord> runs, Map<Integer, RunNetworks.Writer> networks) {
    public static final KeptRuns NONE = new KeptRuns(List.of(), Map.of());

    public KeptRuns {
        runs = List.copyOf(runs);
        networks = Map.copyOf(networks);
    }

    /**
     * Replaces {@code runsFile} with the runs and brings the networks' folder beside it in line with
     * them (see {@link RunNetworks#write}: only missing networks unless {@code replaceNetworks}).
     */
    public void write(Path runsFile, boolean replaceNetworks) throws IOException {
        RunsFile.write(runs, runsFile);
        RunNetworks.write(RunNetworks.folderOf(runsFile), runs.stream().map(RunRecord::id).toList(), networks, replaceNetworks);
    }

    /**
     * The runs in {@code runsFile} (none when it is missing), each with its network from the folder
     * beside it when one was saved; a network that cannot be read leaves its run without one, with
     * the reason.
     *
     * @throws ProjectFileException when the runs file is damaged or not a runs file (see {@link RunsFile#read})
     */
    public static List<SavedRun> read(Path runsFile) throws IOException, ProjectFileException {
        Path networksFolder = RunNetworks.folderOf(runsFile);
        List<SavedRun> runs = new ArrayList<>();
        for (RunRecord record : RunsFile.read(runsFile)) {
            try {
                runs.add(new SavedRun(record, RunNetworks.read(networksFolder, record.id()).orElse(null), null));
            } catch (ModelFileException e) {
                runs.add(new SavedRun(record, null, e.getMessage()));
            }
        }
        return runs;
    }
}
