package io.layerlab.ui.shell;

import io.layerlab.compile.CompileException;
import io.layerlab.compile.GraphCompiler;
import io.layerlab.data.Task;
import io.layerlab.export.DiagramExporter;
import io.layerlab.export.ExportException;
import io.layerlab.export.JavaSourceExporter;
import io.layerlab.export.KerasScriptExporter;
import io.layerlab.export.LossChart;
import io.layerlab.export.ModelCardExporter;
import io.layerlab.graph.Node;
import io.layerlab.keras.ImportedModel;
import io.layerlab.keras.KerasImporter;
import io.layerlab.keras.WeightTransfer;
import io.layerlab.model.ModelFiles;
import io.layerlab.model.ModelInfo;
import io.layerlab.model.Predictor;
import io.layerlab.project.AtomicFile;
import io.layerlab.project.Project;
import io.layerlab.project.ProjectReader;
import io.layerlab.train.RunRecord;
import io.layerlab.ui.training.RunRow;
import io.layerlab.ui.training.TrainedRun;
import io.layerlab.ui.training.TrainingViewModel;
import io.layerlab.shape.Diagnostic;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.Workspace;
import io.layerlab.ui.support.DialogService;
import io.layerlab.ui.support.FileKind;
import io.layerlab.ui.support.TaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The File menu's ways in and out of LayerLab: the network as Java source, a Keras script, DL4J's
 * configuration JSON, an SVG diagram or a model card; the last trained network as a DL4J model
 * zip; a Keras .h5 model opened as a project; a trained model zip opened to try it. Files are read
 * and written on the {@link TaskExecutor}. A network the exporters refuse has its problems shown
 * in the problems list; a file that cannot be read or written is named in an error dialog with
 * what is wrong.
 */
public final class ExchangeViewModel {
    private final Workspace workspace;
    private final MainViewModel files;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final Consumer<String> status;
    private final Runnable showProblems;
    private final Consumer<Predictor> tryModel;
    private final ReadOnlyObjectWrapper<TrainedNetwork> trained = new ReadOnlyObjectWrapper<>(this, "trained");
    private final ReadOnlyStringWrapper noTrainedNetwork = new ReadOnlyStringWrapper(this, "noTrainedNetwork",
            TrainingViewModel.NO_RUN_YET);
    /** The weights of an imported Keras model, and the document they belong to. */
    private TrainedNetwork imported;
    private DesignDocument importedInto;
    private TrainingViewModel runs;
    private Path lastDirectory;

    /** An export that turns a project snapshot into a file. */
    @FunctionalInterface
    private interface Export {
        void write(Project project, Path file) throws Exception;
    }

    /**
     * @param showProblems brings the problems list to the front
     * @param tryModel     shows a loaded model in the "Try model" dialog
     */
    ExchangeViewModel(Workspace workspace, MainViewModel files, DialogService dialogs, TaskExecutor executor,
                      Consumer<String> status, Runnable showProblems, Consumer<Predictor> tryModel) {
        this.workspace = Objects.requireNonNull(workspace);
        this.files = Objects.requireNonNull(files);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.executor = Objects.requireNonNull(executor);
        this.status = Objects.requireNonNull(status);
        this.showProblems = Objects.requireNonNull(showProblems);
        this.tryModel = Objects.requireNonNull(tryModel);
    }

    /**
     * The network "Export Trained Model…" writes: the trained network of the dashboard's selected
     * (or last) finished run, else the weights of a Keras model imported into the open document;
     * null when there is neither (see {@link #noTrainedNetworkProperty()}).
     */
    public ReadOnlyObjectProperty<TrainedNetwork> trainedNetworkProperty() { return trained.getReadOnlyProperty(); }

    /** Why there is no trained network to export, for the menu's tooltip; empty while there is one. */
    public ReadOnlyStringProperty noTrainedNetworkProperty() { return noTrainedNetwork.getReadOnlyProperty(); }

    /** Exports speak of {@code dashboard}'s runs: its selected or last run's network, curves and metrics. */
    void followRuns(TrainingViewModel dashboard) {
        runs = dashboard;
        dashboard.trainedRunProperty().addListener((obs, old, run) -> refreshTrained());
        dashboard.noTrainedRunProperty().addListener((obs, old, why) -> refreshTrained());
        workspace.documentProperty().addListener((obs, old, doc) -> refreshTrained());
        refreshTrained();
    }

    private void refreshTrained() {
        TrainedRun run = runs == null ? null : runs.trainedRunProperty().get();
        if (run != null) {
            trained.set(new TrainedNetwork(run.name() + "'s trained network", run::saveModel));
            noTrainedNetwork.set("");
        } else if (imported != null && importedInto == workspace.document()) {
            trained.set(imported);
            noTrainedNetwork.set("");
        } else {
            trained.set(null);
            noTrainedNetwork.set(runs == null ? TrainingViewModel.NO_RUN_YET : runs.noTrainedRunProperty().get());
        }
    }

    // --- exports of the design ---

    public void exportJavaSource() {
        Project p = workspace.document().project();
        export("Export Java source", JavaSourceExporter.className(p) + ".java", FileKind.JAVA, "Java source",
                (project, file) -> new JavaSourceExporter().write(project, file));
    }

    public void exportKerasScript() {
        export("Export Keras script", baseName() + ".py", FileKind.PYTHON, "Keras script",
                (project, file) -> new KerasScriptExporter().write(project, file));
    }

    public void exportDl4jJson() {
        export("Export DL4J configuration", baseName() + ".dl4j.json", FileKind.JSON, "DL4J configuration",
                (project, file) -> {
                    String json = GraphCompiler.compile(project.graph(), project.training()).toJson();
                    AtomicFile.write(file, json.getBytes(StandardCharsets.UTF_8));
                });
    }

    public void exportSvg() {
        export("Export diagram as SVG", baseName() + ".svg", FileKind.SVG, "diagram",
                (project, file) -> new DiagramExporter().write(project, file, DiagramExporter.Format.SVG));
    }

    /**
     * The model card of the open project; once a run of it has finished, of the dashboard's
     * selected (or last) run instead: that run's project as it trained, its metrics, and its loss
     * curves as a PNG beside the card ({@code name-loss.png}).
     */
    public void exportModelCard() {
        RunRow reported = runs == null ? null : runs.reportedRunProperty().get();
        RunRecord record = reported == null ? null : reported.record();
        if (record == null) {
            export("Export model card", baseName() + ".md", FileKind.MARKDOWN, "model card",
                    (project, file) -> new ModelCardExporter().write(project, null, file));
            return;
        }
        export("Export model card", baseName() + ".md", FileKind.MARKDOWN, "model card of " + record.name(),
                (project, file) -> writeCard(record, file));
    }

    /** Writes {@code record}'s loss curves beside {@code card}, then the card of the project it trained, with its results. */
    static void writeCard(RunRecord record, Path card) throws Exception {
        Project trainedProject = new ProjectReader().read(record.setup().projectJson(), record.name());
        String base = card.getFileName().toString().replaceFirst("\\.md$", "");
        Path curves = card.resolveSibling(base + "-loss.png");
        double[] train = record.history().trainLosses();
        double[] epochs = new double[train.length];
        for (int i = 0; i < epochs.length; i++) epochs[i] = i + 1;
        if (epochs.length > 0) {
            LossChart chart = new LossChart("Loss — " + record.name(), "epoch");
            chart.add("training", epochs, train);
            double[] val = record.history().valLosses();
            if (java.util.Arrays.stream(val).anyMatch(Double::isFinite)) chart.add("validation", epochs, val);
            chart.writePng(curves, 900, 540);
        }
        new ModelCardExporter().write(trainedProject, ModelCardExporter.Results.of(record.result(), epochs.length > 0 ? curves : null), card);
    }

    private void export(String title, String suggestedName, FileKind kind, String what, Export export) {
        DesignDocument doc = workspace.document();
        dialogs.chooseSaveLocation(title, directory(), suggestedName, kind).ifPresent(file -> {
            remember(file);
            Project snapshot = MainViewModel.snapshot(doc.project());
            status.accept("Exporting the " + what + " to " + file.getFileName() + "…");
            executor.execute(() -> { export.write(snapshot, file); return file; }, written -> {
                workspace.setCompilerDiagnostics(List.of());
                status.accept("Exported the " + what + " to " + written);
            }, failure -> {
                List<Diagnostic> problems = problemsOf(failure);
                if (problems != null) {
                    workspace.setCompilerDiagnostics(problems);
                    status.accept("Cannot export the " + what + ": " + count(problems) + " (see Problems)");
                    showProblems.run();
                } else {
                    status.accept("Could not export " + file.getFileName());
                    dialogs.showError("Cannot export " + file.getFileName(), file + "\n\n" + MainViewModel.describe(failure));
                }
            });
        });
    }

    /** The problems an exporter or the compiler listed, or null for any other failure (a file that cannot be written). */
    private static List<Diagnostic> problemsOf(Throwable failure) {
        if (failure instanceof ExportException e) return e.problems();
        if (failure instanceof CompileException e) return e.diagnostics();
        return null;
    }

    private static String count(List<Diagnostic> problems) {
        long errors = Math.max(1, problems.stream().filter(Diagnostic::isError).count());
        return errors + (errors == 1 ? " problem" : " problems");
    }

    // --- the trained network ---

    public void exportTrainedModel() {
        TrainedNetwork network = trained.get();
        if (network == null) {
            dialogs.showInformation("No trained model to export", noTrainedNetwork.get());
            return;
        }
        dialogs.chooseSaveLocation("Export trained model", directory(), baseName() + ".model.zip", FileKind.MODEL_ZIP)
                .ifPresent(file -> {
                    remember(file);
                    status.accept("Writing " + network.origin() + " to " + file.getFileName() + "…");
                    executor.execute(() -> { network.writer().write(file); return file; },
                            written -> status.accept("Exported " + network.origin() + " to " + written),
                            failure -> {
                                status.accept("Could not export " + file.getFileName());
                                dialogs.showError("Cannot export " + file.getFileName(),
                                        file + "\n\n" + MainViewModel.describe(failure));
                            });
                });
    }

    // --- imports ---

    /**
     * Asks for a Keras .h5 model and opens it as a new untitled project; its weights become the
     * network "Export Trained Model…" writes. Layers LayerLab cannot map are named in a dialog.
     */
    public void importKeras() {
        files.whenChangesAreSafe("importing a Keras model", () ->
                dialogs.chooseFileToOpen("Import Keras model", directory(), FileKind.KERAS_H5).ifPresent(h5 -> {
                    remember(h5);
                    status.accept("Importing " + h5.getFileName() + "…");
                    executor.execute(() -> {
                        ImportedModel imported = KerasImporter.importModel(h5);
                        return new Imported(imported, WeightTransfer.compile(imported, h5));
                    }, result -> opened(h5, result), failure -> {
                        status.accept("Could not import " + h5.getFileName());
                        dialogs.showError("Cannot import " + h5.getFileName(), MainViewModel.describe(failure));
                    });
                }));
    }

    private record Imported(ImportedModel model, WeightTransfer.Compiled compiled) { }

    private void opened(Path h5, Imported imported) {
        Project project = imported.model().project();
        files.showUntitled(project, "Imported " + h5.getFileName() + ": " + project.graph().size() + " layers with their weights");
        ModelInfo info = infoOf(project);
        var network = imported.compiled().network();
        this.imported = new TrainedNetwork("the weights imported from " + h5.getFileName(),
                zip -> ModelFiles.save(network, null, info, zip));
        importedInto = workspace.document();
        refreshTrained();
        List<String> notes = new ArrayList<>(imported.model().notes());
        if (!imported.compiled().transfer().complete()) {
            notes.add("Weights not copied: " + String.join("; ", imported.compiled().transfer().skipped()));
        }
        if (imported.compiled().largestDifference() > 1e-4) {
            notes.add(String.format(Locale.ROOT, "Outputs differ from the Keras model's by up to %.3g.",
                    imported.compiled().largestDifference()));
        }
        notes.add("The data section is a placeholder: choose the data in the inspector before training. Training starts from "
                + "the imported weights; saving the project keeps them beside it. "
                + "File ▸ Export Trained Model… writes the imported weights as a DL4J model zip.");
        dialogs.showInformation("Imported " + h5.getFileName(), String.join("\n\n", notes));
    }

    /** What LayerLab knows of an imported model: its input shape and, from the output's loss, the task. */
    static ModelInfo infoOf(Project project) {
        List<Node> inputs = project.graph().nodes().stream().filter(n -> n.type().equals("Input")).toList();
        List<Node> outputs = project.graph().nodes().stream().filter(n -> n.type().equals("Output")).toList();
        Task task = null;
        if (outputs.size() == 1) {
            Object loss = outputs.get(0).params().get("loss");
            task = "mse".equals(loss) || "mae".equals(loss) ? Task.REGRESSION : Task.CLASSIFICATION;
        }
        List<Integer> shape = new ArrayList<>();
        if (inputs.size() == 1 && inputs.get(0).params().get("shape") instanceof List<?> dims) {
            for (Object d : dims) shape.add(((Number) d).intValue());
        }
        return new ModelInfo(project.name(), task, shape, List.of(), List.of(), List.of());
    }

    /** Asks for a trained model zip, loads it (checked for corruption and zip tricks) and opens "Try model". */
    public void openModel() {
        dialogs.chooseFileToOpen("Open trained model", directory(), FileKind.MODEL_ZIP).ifPresent(zip -> {
            remember(zip);
            status.accept("Loading " + zip.getFileName() + "…");
            executor.execute(() -> Predictor.of(ModelFiles.load(zip)), model -> {
                status.accept("Loaded " + zip.getFileName());
                tryModel.accept(model);
            }, failure -> {
                status.accept("Could not open " + zip.getFileName());
                dialogs.showError("Cannot open " + zip.getFileName(), MainViewModel.describe(failure));
            });
        });
    }

    // --- helpers ---

    private String baseName() {
        return MainViewModel.suggestedFileName(workspace.document()).replace(".layerlab.json", "");
    }

    private Path directory() {
        if (lastDirectory != null) return lastDirectory;
        DesignDocument doc = workspace.document();
        if (doc != null && doc.file() != null) return doc.file().toAbsolutePath().getParent();
        return files.lastDirectory();
    }

    private void remember(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) lastDirectory = parent;
    }
}
