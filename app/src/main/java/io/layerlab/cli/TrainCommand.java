package io.layerlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerlab.compile.CompileException;
import io.layerlab.data.DataException;
import io.layerlab.export.LossChart;
import io.layerlab.model.ModelFileException;
import io.layerlab.model.ModelFiles;
import io.layerlab.project.InitialWeights;
import io.layerlab.project.Project;
import io.layerlab.shape.Diagnostic;
import io.layerlab.train.EpochEvent;
import io.layerlab.train.NetworkWeights;
import io.layerlab.train.ObserverRate;
import io.layerlab.train.ProjectRun;
import io.layerlab.train.RunHistory;
import io.layerlab.train.TrainingObserver;
import io.layerlab.train.TrainingResult;
import io.layerlab.train.TrainingSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code layerlab train PROJECT}: trains headless, with a progress bar on stderr. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a project headless.", "Progress goes to stderr; the final metrics to stdout.",
                "With --out DIR writes DIR/model.zip (DL4J model with its normaliser), DIR/history.csv and DIR/loss.png.",
                "A project imported from Keras starts from the imported weights (its layers marked frozen keep them)."})
final class TrainCommand implements Callable<Integer> {
    @ParentCommand private LayerLabCommand root;

    @Parameters(paramLabel = "PROJECT", description = "a *.layerlab.json file")
    private Path project;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs instead of the project's")
    private Integer epochs;

    @Option(names = "--lr", paramLabel = "X", description = "learning rate instead of the project's")
    private Double learningRate;

    @Option(names = "--batch", paramLabel = "N", description = "batch size instead of the project's")
    private Integer batch;

    @Option(names = "--out", paramLabel = "DIR", description = "folder for model.zip, history.csv and loss.png")
    private Path out;

    @Option(names = "--json", description = "print the final metrics as one JSON object on stdout")
    private boolean json;

    @Option(names = "--init-weights", paramLabel = "MODEL.zip",
            description = "start from a trained model's weights (layers matched by node id) instead of the project's own or fresh ones")
    private Path initWeights;

    @Override public Integer call() throws Exception {
        Project p = ProjectOption.read(project);
        TrainingSpec spec = TrainingOverrides.apply(p.training(), epochs, learningRate, batch);
        ProjectRun run;
        try {
            run = initWeights == null ? ProjectRun.prepare(p, spec) : ProjectRun.prepare(p, spec, weightsOf(initWeights));
        } catch (CompileException e) {
            throw new CliException(project + " cannot be trained:\n" + describe(e));
        } catch (DataException e) {
            throw new CliException(project + ": " + e.getMessage());
        }
        PrintStream messages = root.messages();
        run.startingWeights().ifPresent(w -> messages.println(w.summary()));
        ProgressBar bar = new ProgressBar(messages);
        run.trainer().addObserver(new TrainingObserver() {
            @Override public void onEpoch(EpochEvent e) {
                bar.update(e.epoch(), spec.epochs(), String.format(Locale.ROOT, "loss %.4f%s",
                        e.trainLoss(), e.valLoss() == null ? "" : String.format(Locale.ROOT, " val %.4f", e.valLoss())));
            }
        }, ObserverRate.epochsOnly());
        TrainingResult result = run.trainer().run();
        bar.finish();
        if (out != null) writeOutputs(run, result);
        PrintStream stdout = root.results();
        if (json) {
            stdout.println(new ObjectMapper().writeValueAsString(toJson(result)));
        } else {
            stdout.println(summaryLine(result));
            if (result.hint() != null) stdout.println(result.hint());
            if (out != null) stdout.println("Wrote " + out.resolve("model.zip") + ", history.csv and loss.png");
        }
        return result.diverged() ? CliException.FAILED : 0;
    }

    /** The weights of a trained model zip, by vertex (node id), for a run to start from. */
    private static InitialWeights weightsOf(Path zip) {
        try {
            return NetworkWeights.snapshot(ModelFiles.load(zip).network(), "trained model " + zip.getFileName());
        } catch (ModelFileException e) {
            throw new CliException("--init-weights " + e.getMessage());
        }
    }

    private void writeOutputs(ProjectRun run, TrainingResult result) throws IOException {
        run.saveModel(out.resolve("model.zip"));
        RunHistory h = result.history();
        h.writeCsv(out.resolve("history.csv"));
        double[] epochsAxis = new double[h.epochs()];
        for (int i = 0; i < epochsAxis.length; i++) epochsAxis[i] = i + 1;
        LossChart chart = new LossChart("Loss — " + project.getFileName(), "epoch");
        chart.add("training", epochsAxis, h.trainLosses());
        if (run.data().hasValidation()) chart.add("validation", epochsAxis, h.valLosses());
        chart.writePng(out.resolve("loss.png"), 900, 540);
    }

    static String describe(CompileException e) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : e.diagnostics()) sb.append("  ").append(d).append('\n');
        return sb.toString().stripTrailing();
    }

    private static String summaryLine(TrainingResult r) {
        return String.format(Locale.ROOT, "%s after %d epochs (%d iterations, %.1f s, %.0f samples/s): train loss %s, "
                        + "validation loss %s, validation accuracy %s, best epoch %d",
                r.stopReason().id(), r.epochs(), r.iterations(), r.seconds(), r.samplesPerSecond(),
                fmt(r.trainLoss()), fmt(r.valLoss()), fmt(r.valAccuracy()), r.bestEpoch());
    }

    private static String fmt(Double d) {
        return d == null ? "n/a" : String.format(Locale.ROOT, "%.4f", d);
    }

    static ObjectNode toJson(TrainingResult r) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("epochs", r.epochs());
        o.put("iterations", r.iterations());
        putNumber(o, "trainLoss", r.trainLoss());
        putNumber(o, "valLoss", r.valLoss());
        putNumber(o, "valAccuracy", r.valAccuracy());
        o.put("bestEpoch", r.bestEpoch());
        putNumber(o, "bestValLoss", r.bestValLoss());
        o.put("parameters", r.parameters());
        o.put("seconds", r.seconds());
        o.put("samplesPerSecond", r.samplesPerSecond());
        o.put("diverged", r.diverged());
        o.put("stopReason", r.stopReason().id());
        o.put("hint", r.hint());
        return o;
    }

    /** JSON has no NaN: a non-finite or missing number is written as null. */
    private static void putNumber(ObjectNode o, String name, Double v) {
        if (v == null || !Double.isFinite(v)) o.putNull(name); else o.put(name, v);
    }
}
