package io.layerlab.cli;

import io.layerlab.data.Task;
import io.layerlab.graph.Node;
import io.layerlab.keras.ImportedModel;
import io.layerlab.keras.KerasImporter;
import io.layerlab.keras.WeightTransfer;
import io.layerlab.model.ModelFileException;
import io.layerlab.model.ModelFiles;
import io.layerlab.model.ModelInfo;
import io.layerlab.project.Project;
import io.layerlab.project.ProjectWriter;
import io.layerlab.project.WeightsFile;
import io.layerlab.shape.ShapeInference;
import io.layerlab.shape.ShapeReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code layerlab import MODEL.h5 --out PROJECT.layerlab.json}: a Keras model as a LayerLab project,
 * with its trained weights beside it twice: PROJECT.layerlab.weights.zip, which the project names
 * and training starts from (fine-tuning), and PROJECT.model.zip, a DL4J model zip of the network
 * the project compiles to holding them, for {@code layerlab predict} and plain DL4J programs.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a Keras 2 model saved as .h5 (model.save(\"model.h5\")) as a project.",
                "The trained weights go beside it in PROJECT.layerlab.weights.zip, which `train` starts from",
                "(fine-tuning), and in PROJECT.model.zip, a DL4J model zip for `predict`.",
                "The data section is a placeholder: choose the model's data."})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand private LayerLabCommand root;

    @Parameters(paramLabel = "MODEL", description = "a Keras .h5 file")
    private Path model;

    @Option(names = "--out", required = true, paramLabel = "PROJECT", description = "the project file to write (*.layerlab.json)")
    private Path out;

    @Override public Integer call() throws Exception {
        if (!out.getFileName().toString().endsWith(".json")) {
            throw new CliException("--out " + out + ": a project file ends in .layerlab.json", 2);
        }
        ImportedModel imported;
        WeightTransfer.Compiled compiled;
        try {
            imported = KerasImporter.importModel(model);
            compiled = WeightTransfer.compile(imported, model);
        } catch (ModelFileException e) {
            throw new CliException(e.getMessage());
        }
        Project project = imported.project();
        Path zip = weightsFile(out);
        write(project, compiled, zip);

        PrintStream stdout = root.results();
        ShapeReport shapes = ShapeInference.infer(project.graph());
        stdout.printf(Locale.ROOT, "Imported %s: %d layers, %,d parameters%n", model.getFileName(), project.graph().size(), shapes.totalParams());
        stdout.println("Wrote " + out + ", its weights " + WeightsFile.beside(out).getFileName() + " (training starts from them)"
                + " and " + zip.getFileName() + " (a DL4J model zip holding them)");
        if (compiled.largestDifference() > 1e-4) {
            stdout.printf(Locale.ROOT, "Outputs differ from the Keras model's by up to %.3g (see the notes)%n", compiled.largestDifference());
        }
        for (String note : imported.notes()) stdout.println("Note: " + note);
        stdout.println("Note: the model takes its inputs as Keras did (no normaliser is stored); the data section is a placeholder");
        return 0;
    }

    /** PROJECT.layerlab.json -> PROJECT.model.zip beside it. */
    static Path weightsFile(Path project) {
        String name = project.getFileName().toString();
        String stem = name.endsWith(".layerlab.json") ? name.substring(0, name.length() - ".layerlab.json".length())
                : name.substring(0, name.length() - ".json".length());
        return project.resolveSibling(stem + ".model.zip");
    }

    /**
     * Writes the model zip, then the project (which writes its weights sidecar first); if the project
     * cannot be written, the new model zip goes too.
     */
    private void write(Project project, WeightTransfer.Compiled compiled, Path zip) throws IOException {
        boolean zipExisted = Files.exists(zip);
        try {
            ModelFiles.save(compiled.network(), null, info(project), zip);
        } catch (IOException e) {
            throw new CliException("cannot write " + zip + ": " + e.getMessage());
        }
        try {
            new ProjectWriter().save(project, out);
        } catch (IOException | RuntimeException e) {
            if (!zipExisted) Files.deleteIfExists(zip);
            throw new CliException("cannot write " + out + ": " + e.getMessage());
        }
    }

    private static ModelInfo info(Project project) {
        List<Node> inputs = project.graph().nodes().stream().filter(n -> n.type().equals("Input")).toList();
        List<Node> outputs = project.graph().nodes().stream().filter(n -> n.type().equals("Output")).toList();
        Task task = null;
        if (outputs.size() == 1) {
            Object loss = outputs.get(0).params().get("loss");
            task = "mse".equals(loss) || "mae".equals(loss) ? Task.REGRESSION : Task.CLASSIFICATION;
        }
        @SuppressWarnings("unchecked")
        List<Integer> shape = inputs.size() == 1 ? (List<Integer>) inputs.get(0).params().get("shape") : List.of();
        return new ModelInfo(project.name(), task, shape, List.of(), List.of(), List.of());
    }
}
