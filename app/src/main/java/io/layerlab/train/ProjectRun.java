package io.layerlab.train;

import io.layerlab.compile.CompileException;
import io.layerlab.compile.CompiledModel;
import io.layerlab.compile.GraphCompiler;
import io.layerlab.data.Datasets;
import io.layerlab.data.LoadedData;
import io.layerlab.model.ModelFiles;
import io.layerlab.model.ModelInfo;
import io.layerlab.project.Project;
import io.layerlab.shape.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * One training run of a project, from the file's sections to a ready {@link Trainer}: compile the
 * graph, load the data, check that they fit, build the network. The command line and the designer
 * both start runs through here, so they train exactly the same way.
 */
public final class ProjectRun {
    private final String projectName;
    private final TrainingSpec training;
    private final CompiledModel model;
    private final LoadedData data;
    private final ComputationGraph network;
    private final Trainer trainer;

    private ProjectRun(String projectName, TrainingSpec training, CompiledModel model, LoadedData data) {
        this.projectName = projectName;
        this.training = training;
        this.model = model;
        this.data = data;
        this.network = model.newNetwork();
        this.trainer = new Trainer(network,
                data.trainIterator(training.batchSize(), training.shuffle(), training.seed()),
                data.hasValidation() ? data.validationIterator(training.batchSize()) : null,
                training, data.task());
        ScheduledLearningRate.install(trainer, training);
    }

    /**
     * Compiles and loads everything a run needs, with {@code training} in place of the project's
     * own settings (the command line's --epochs, --lr and --batch; a sweep's combination).
     *
     * @throws CompileException with every problem found (graph errors, or a graph that does not fit its data)
     * @throws io.layerlab.data.DataException when the data section is invalid
     */
    public static ProjectRun prepare(Project project, TrainingSpec training) {
        CompiledModel model = GraphCompiler.compile(project.graph(), training);
        LoadedData data = Datasets.load(project.data());
        List<Diagnostic> misfits = DataFit.check(project.graph(), data);
        if (misfits.stream().anyMatch(Diagnostic::isError)) throw new CompileException(misfits);
        return new ProjectRun(project.name(), training, model, data);
    }

    public static ProjectRun prepare(Project project) {
        return prepare(project, project.training());
    }

    public TrainingSpec training() { return training; }
    public CompiledModel model() { return model; }
    public LoadedData data() { return data; }
    public ComputationGraph network() { return network; }
    public Trainer trainer() { return trainer; }

    /**
     * Writes the network in DL4J's own model zip format, with the data normaliser, so a plain DL4J
     * program restores it with {@code ModelSerializer.restoreComputationGraph} and
     * {@code ModelSerializer.restoreNormalizerFromFile}. An extra entry, {@link ModelInfo#ENTRY},
     * names the project, the task, the features and the classes (DL4J ignores it). Written to a
     * temporary file and renamed.
     */
    public void saveModel(Path zip) throws IOException {
        ModelFiles.save(network, data.normalizer(), ModelInfo.of(projectName, data), zip);
    }
}
