package io.layerlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerlab.compile.CompileException;
import io.layerlab.data.DataException;
import io.layerlab.export.SweepHeatmap;
import io.layerlab.export.SweepLossChart;
import io.layerlab.project.Project;
import io.layerlab.train.sweep.ActivationChoice;
import io.layerlab.train.sweep.LearningRates;
import io.layerlab.train.sweep.RunStatus;
import io.layerlab.train.sweep.Sweep;
import io.layerlab.train.sweep.SweepListener;
import io.layerlab.train.sweep.SweepPlan;
import io.layerlab.train.sweep.SweepResult;
import io.layerlab.train.sweep.SweepRun;
import io.layerlab.train.sweep.SweepSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code layerlab sweep PROJECT}: trains one run per combination of learning rate and batch size (and more), side by side. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Trains the project once per combination of learning rate and batch size.",
                "Optionally also per optimizer and one layer's activation; each combination --repeats times with seeds "
                        + "project seed + 0, 1, ... Runs train in parallel, one per core. Progress goes to stderr; a table "
                        + "of every run, observations read off the curves and the total time to stdout.",
                "With --out DIR writes DIR/sweep-loss.png (validation-loss curves: colour = learning rate, line = batch "
                        + "size, band = spread of repeats), DIR/heatmap.png (final validation loss over learning rate x "
                        + "batch size; one heatmap-OPTIMIZER-ACTIVATION.png each when those vary), DIR/runs.csv (one row "
                        + "per run) and DIR/epochs.csv (one row per run per epoch: the curves)."})
final class SweepCommand implements Callable<Integer> {
    @ParentCommand private LayerLabCommand root;

    @Parameters(paramLabel = "PROJECT", description = "a *.layerlab.json file")
    private Path project;

    @Option(names = "--lr", split = ",", paramLabel = "X", description = "learning rates, e.g. 0.001,0.01,0.1 (default: the project's)")
    private List<Double> learningRates;

    @Option(names = "--lr-range", paramLabel = "FROM:TO:COUNT",
            description = "COUNT learning rates evenly spaced on a log scale, e.g. 1e-4:1:5 gives 0.0001, 0.001, 0.01, 0.1, 1")
    private String learningRateRange;

    @Option(names = "--batch", split = ",", paramLabel = "N", description = "batch sizes, e.g. 16,64 (default: the project's)")
    private List<Integer> batchSizes;

    @Option(names = "--optimizer", split = ",", paramLabel = "NAME",
            description = "optimizers to compare: sgd, momentum, nesterov, adam, rmsprop (default: the project's)")
    private List<String> optimizers;

    @Option(names = "--activation", paramLabel = "NODE=F1,F2",
            description = "activation functions to compare at one node, e.g. hidden1=relu,tanh,sigmoid")
    private String activation;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "1", description = "runs per combination, seeds differ (default: 1)")
    private int repeats;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs of every run (default: the project's)")
    private Integer epochs;

    @Option(names = "--target-loss", paramLabel = "X", description = "report the first epoch each run reached this loss")
    private Double targetLoss;

    @Option(names = "--parallel", paramLabel = "N", description = "runs trained at once (default: one per core)")
    private Integer parallel;

    @Option(names = "--sequential", description = "train the runs one after another (same as --parallel 1)")
    private boolean sequential;

    @Option(names = "--compare-sequential",
            description = "afterwards run the same sweep one run at a time and print both times and the speed-up")
    private boolean compareSequential;

    @Option(names = "--out", paramLabel = "DIR", description = "folder for sweep-loss.png, heatmap.png, runs.csv and epochs.csv")
    private Path out;

    @Option(names = "--json", description = "print the result as one JSON object on stdout")
    private boolean json;

    @Override public Integer call() throws IOException {
        Project p = ProjectOption.read(project);
        SweepPlan plan = plan(p);
        int workers = workers(plan);
        PrintStream messages = root.messages();
        messages.printf(Locale.ROOT, "Sweeping %s: %d runs, %d at a time...%n", project.getFileName(), plan.runs().size(), workers);
        SweepResult result = run(plan, workers, new Progress(messages, plan.runs().size()));
        SweepResult sequentialResult = null;
        if (compareSequential) {
            messages.println("Now the same runs one after another...");
            sequentialResult = run(SweepPlan.of(p, plan.spec()), 1, new Progress(messages, plan.runs().size()));
        }
        if (out != null) writeOutputs(result);
        SweepReport report = new SweepReport(result);
        PrintStream stdout = root.results();
        if (json) {
            ObjectNode node = report.json(project.toString());
            if (sequentialResult != null) {
                node.put("sequentialSeconds", sequentialResult.seconds());
                node.put("speedUp", sequentialResult.seconds() / result.seconds());
            }
            stdout.println(new ObjectMapper().writeValueAsString(node));
        } else {
            stdout.println(report.text());
            if (sequentialResult != null) {
                stdout.printf(Locale.ROOT, "One after another: %.1f s; %d at a time: %.1f s; speed-up %.2fx.%n",
                        sequentialResult.seconds(), result.parallelism(), result.seconds(),
                        sequentialResult.seconds() / result.seconds());
            }
            if (out != null) {
                stdout.println("Wrote " + out.resolve("sweep-loss.png") + ", " + String.join(", ", heatmapNames(result))
                        + ", runs.csv and epochs.csv");
            }
        }
        boolean allFailed = result.runs().stream().allMatch(r -> r.status() == RunStatus.FAILED);
        return allFailed ? CliException.FAILED : 0;
    }

    private SweepPlan plan(Project p) {
        if (learningRates != null && learningRateRange != null) {
            throw new CliException("give either --lr or --lr-range, not both", 2);
        }
        List<Double> rates = learningRateRange != null ? parseRange(learningRateRange)
                : learningRates != null ? learningRates : List.of(p.training().learningRate());
        List<Integer> batches = batchSizes != null ? batchSizes : List.of(p.training().batchSize());
        try {
            SweepSpec spec = new SweepSpec(rates, batches, optimizers == null ? List.of() : optimizers,
                    activation == null ? null : parseActivation(activation), repeats, epochs, targetLoss);
            return SweepPlan.of(p, spec);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 2);
        }
    }

    private int workers(SweepPlan plan) {
        if (sequential && parallel != null) throw new CliException("give either --sequential or --parallel, not both", 2);
        if (parallel != null && parallel < 1) throw new CliException("--parallel must be at least 1, was " + parallel, 2);
        if (sequential) return 1;
        return parallel != null ? Math.min(parallel, plan.runs().size()) : Sweep.defaultParallelism(plan.runs().size());
    }

    private SweepResult run(SweepPlan plan, int workers, SweepListener progress) {
        Sweep sweep = new Sweep(plan, workers).addListener(progress);
        try {
            return sweep.run();
        } catch (CompileException e) {
            throw new CliException(project + " cannot be trained:\n" + TrainCommand.describe(e));
        } catch (DataException e) {
            throw new CliException(project + ": " + e.getMessage());
        }
    }

    private void writeOutputs(SweepResult result) throws IOException {
        new SweepLossChart(result).writePng(out.resolve("sweep-loss.png"), 1000, 620);
        SweepHeatmap heatmap = new SweepHeatmap(result);
        for (SweepHeatmap.Grid grid : heatmap.grids()) {
            heatmap.writePng(grid, out.resolve(heatmapName(grid)), 820, 560);
        }
        result.writeRunsCsv(out.resolve("runs.csv"));
        result.writeEpochsCsv(out.resolve("epochs.csv"));
    }

    private static String heatmapName(SweepHeatmap.Grid grid) {
        return grid.variant().isEmpty() ? "heatmap.png" : "heatmap-" + grid.variant() + ".png";
    }

    private static List<String> heatmapNames(SweepResult result) {
        return new SweepHeatmap(result).grids().stream().map(SweepCommand::heatmapName).toList();
    }

    /** "1e-4:1:5" → 0.0001, 0.001, 0.01, 0.1, 1. */
    static List<Double> parseRange(String text) {
        String[] parts = text.split(":");
        if (parts.length != 3) {
            throw new CliException("--lr-range must be FROM:TO:COUNT, e.g. 1e-4:1:5; was " + text, 2);
        }
        try {
            return LearningRates.logRange(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                    Integer.parseInt(parts[2].trim()));
        } catch (NumberFormatException e) {
            throw new CliException("--lr-range must be FROM:TO:COUNT with numbers, e.g. 1e-4:1:5; was " + text, 2);
        } catch (IllegalArgumentException e) {
            throw new CliException("--lr-range " + text + ": " + e.getMessage(), 2);
        }
    }

    /** "hidden1=relu,tanh" → node hidden1, functions relu and tanh. */
    static ActivationChoice parseActivation(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new CliException("--activation must be NODE=F1,F2, e.g. hidden1=relu,tanh; was " + text, 2);
        }
        List<String> functions = Arrays.stream(text.substring(eq + 1).split(",")).map(String::trim).toList();
        return new ActivationChoice(text.substring(0, eq).trim(), functions);
    }

    /** One line on stderr per finished run. */
    private static final class Progress implements SweepListener {
        private final PrintStream messages;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();

        Progress(PrintStream messages, int total) {
            this.messages = messages;
            this.total = total;
        }

        @Override public void onRunFinished(SweepRun run) {
            String numbers = run.finalLoss() == null ? "" : String.format(Locale.ROOT, ", loss %.4f", run.finalLoss())
                    + (run.finalAccuracy() == null ? "" : String.format(Locale.ROOT, ", accuracy %.3f", run.finalAccuracy()));
            messages.printf(Locale.ROOT, "[%d/%d] %s: %s%s (%.1f s)%n", done.incrementAndGet(), total, run.key().label(),
                    run.status().id(), numbers, run.seconds());
        }
    }
}
