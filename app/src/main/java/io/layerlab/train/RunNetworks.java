package io.layerlab.train;

import io.layerlab.model.ModelFileException;
import io.layerlab.model.ModelFiles;
import io.layerlab.model.TrainedModel;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The networks a project's runs kept, saved beside it so that a reopened project can still export,
 * try and show them: one DL4J model zip per run ({@link ModelFiles}: weights, normaliser and
 * LayerLab's description, without the optimiser's state) in a folder named after the project file,
 * {@code NAME.layerlab.runs/run-ID.zip} beside {@code NAME.layerlab.json}. Each zip opens in DL4J
 * as any exported model does.
 *
 * <p>A run's network never changes once it finished, so saving in place writes only the zips
 * missing; saving under another name writes them all, over whatever another project left there.
 * Either way, zips of runs no longer listed are deleted, and an empty folder with them.
 */
public final class RunNetworks {
    /** Writes one run's network as a model zip, atomically. */
    @FunctionalInterface
    public interface Writer {
        void write(Path zip) throws IOException;
    }

    static final String FOLDER_SUFFIX = ".runs";
    private static final Pattern ZIP_NAME = Pattern.compile("run-(\\d+)\\.zip");

    private RunNetworks() {
    }

    /** foo.layerlab.json -> foo.layerlab.runs (a folder), beside the runs file foo.layerlab.runs.json. */
    public static Path folderBeside(Path projectFile) {
        return folderOf(RunsFile.besideProject(projectFile));
    }

    /** The networks' folder that goes with a runs file: its name without ".json" (foo.layerlab.runs.json -> foo.layerlab.runs). */
    public static Path folderOf(Path runsFile) {
        String name = runsFile.getFileName().toString();
        return runsFile.resolveSibling(name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name + FOLDER_SUFFIX);
    }

    /** Where run {@code id}'s network is kept in {@code folder}. */
    public static Path zipOf(Path folder, int id) {
        return folder.resolve("run-" + id + ".zip");
    }

    /**
     * Brings {@code folder} in line with a project's runs: writes each of {@code networks} (by run
     * id) that is missing, or every one when {@code replaceExisting}; deletes the zips of runs not in
     * {@code runIds}, and the folder when nothing is left in it.
     */
    public static void write(Path folder, Collection<Integer> runIds, Map<Integer, Writer> networks, boolean replaceExisting)
            throws IOException {
        Set<Integer> listed = Set.copyOf(runIds);
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> zips = Files.newDirectoryStream(folder, "run-*.zip")) {
                for (Path zip : zips) {
                    Matcher m = ZIP_NAME.matcher(zip.getFileName().toString());
                    if (m.matches() && !listed.contains(Integer.parseInt(m.group(1)))) {
                        Files.delete(zip);
                    }
                }
            }
        }
        for (Map.Entry<Integer, Writer> network : networks.entrySet()) {
            Path zip = zipOf(folder, network.getKey());
            if (listed.contains(network.getKey()) && (replaceExisting || !Files.exists(zip))) {
                Files.createDirectories(folder);
                network.getValue().write(zip);
            }
        }
        deleteIfEmpty(folder);
    }

    /** Run {@code id}'s network, or empty when none was saved for it. */
    public static Optional<TrainedModel> read(Path folder, int id) throws ModelFileException {
        Path zip = zipOf(folder, id);
        return Files.isRegularFile(zip) ? Optional.of(ModelFiles.load(zip)) : Optional.empty();
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            if (entries.iterator().hasNext()) {
                return;
            }
        }
        Files.delete(folder);
    }
}
