package io.layerlab.train;

import io.layerlab.compile.CompileException;
import io.layerlab.compile.CompiledModel;
import io.layerlab.compile.GraphCompiler;
import io.layerlab.data.Datasets;
import io.layerlab.data.LoadedData;
import io.layerlab.model.ModelFiles;
import io.layerlab.model.ModelInfo;
import io.layerlab.nd4j.Nd4jFixes;
import io.layerlab.project.InitialWeights;
import io.layerlab.project.Project;
import io.layerlab.shape.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * One training run of a project, from the file's sections to a ready {@link Trainer}: compile the
 * graph, load the data, check that they fit, build the network. The command line and the designer
 * both start runs through here, so they train exactly the same way. A project's
 * {@linkplain Project#initialWeights() initial weights} (an imported Keras model's) go into the
 * network before training; layers marked "frozen" keep them.
 */
public final class ProjectRun {
    private final String projectName;
    private final TrainingSpec training;
    private final CompiledModel model;
    private final LoadedData data;
    private final ComputationGraph network;
    private final StartingWeights startingWeights;
    private final Trainer trainer;

    private ProjectRun(Project project, TrainingSpec training, CompiledModel model, LoadedData data, InitialWeights weights,
                       String weightsProblem) {
        this.projectName = project.name();
        this.training = training;
        this.model = model;
        this.data = data;
        this.network = model.newNetwork();
        // Before the trainer exists: it and its observers see the starting weights as the network's first state.
        if (weights != null) startingWeights = NetworkWeights.apply(weights, network, model, project.graph());
        else startingWeights = weightsProblem == null ? null : StartingWeights.unavailable(weightsProblem);
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
        return prepare(project, training, project.initialWeights().orElse(null), project.initialWeightsProblem().orElse(null));
    }

    /**
     * Like {@link #prepare(Project, TrainingSpec)}, with the network starting from {@code weights}
     * (e.g. a trained model's) instead of the project's own initial weights; null: fresh weights.
     */
    public static ProjectRun prepare(Project project, TrainingSpec training, InitialWeights weights) {
        return prepare(project, training, weights, null);
    }

    private static ProjectRun prepare(Project project, TrainingSpec training, InitialWeights weights, String weightsProblem) {
        Nd4jFixes.install();
        MemorySettings.applyHeapTarget();
        MemorySettings.keepFreedNativeMemory();
        CompiledModel model = GraphCompiler.compile(project.graph(), training);
        LoadedData data = Datasets.load(project.data());
        List<Diagnostic> misfits = DataFit.check(project.graph(), data);
        if (misfits.stream().anyMatch(Diagnostic::isError)) throw new CompileException(misfits);
        return new ProjectRun(project, training, model, data, weights, weightsProblem);
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
     * What the network started from when the project has initial weights (which nodes took them,
     * which could not and why) or names some that could not be read; empty for fresh weights.
     */
    public Optional<StartingWeights> startingWeights() { return Optional.ofNullable(startingWeights); }

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
