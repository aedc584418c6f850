package io.layerlab.export;

import io.layerlab.compile.Updaters;
import io.layerlab.data.DataSpec;
import io.layerlab.graph.Node;
import io.layerlab.project.AtomicFile;
import io.layerlab.project.Project;
import io.layerlab.shape.MemoryEstimate;
import io.layerlab.shape.ModelSummary;
import io.layerlab.train.TrainingResult;
import io.layerlab.train.TrainingSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A model card in Markdown: what the network is for (name, description), its architecture
 * (a row per layer: type, key settings, output shape, parameters), the data, the training
 * hyperparameters, and, after training, the final metrics and the loss curves.
 */
public final class ModelCardExporter implements TextExporter {
    /**
     * What a training run achieved, for the card's results section.
     *
     * @param epochs      completed epochs
     * @param trainLoss   final training loss, or null if unknown
     * @param valLoss     final validation loss, or null without validation data
     * @param valAccuracy final validation accuracy (0 to 1), or null for regression or without validation data
     * @param seconds     training time
     * @param stopReason  why the run ended ("completed", "stopped", "diverged"), or null
     * @param curves      a PNG of the loss curves to show, or null
     */
    public record Results(int epochs, Double trainLoss, Double valLoss, Double valAccuracy, double seconds,
                          String stopReason, Path curves) {
        /** From a finished run, with an optional picture of its loss curves. */
        public static Results of(TrainingResult run, Path curves) {
            return new Results(run.epochs(), run.trainLoss(), run.valLoss(), run.valAccuracy(), run.seconds(),
                    run.stopReason() == null ? null : run.stopReason().id(), curves);
        }
    }

    /** The card without results: architecture, data and hyperparameters. */
    @Override
    public String export(Project project) {
        return export(project, null);
    }

    /**
     * The card with a results section when {@code results} is given; its curves picture is
     * linked by the path as given.
     */
    public String export(Project project, Results results) {
        return new Card(NetworkPlan.of(project).requireTraining(), results, null).text();
    }

    /**
     * Writes the card atomically; the curves picture is linked relative to the card's folder,
     * so the two can be moved together.
     */
    public void write(Project project, Results results, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        String text = new Card(NetworkPlan.of(project).requireTraining(), results, folder).text();
        AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static final class Card {
        private final NetworkPlan plan;
        private final Results results;
        private final Path folder;
        private final List<String> lines = new ArrayList<>();

        Card(NetworkPlan plan, Results results, Path folder) {
            this.plan = plan;
            this.results = results;
            this.folder = folder;
        }

        String text() {
            Project p = plan.project();
            lines.add("# " + Markdown.inline(p.name()));
            lines.add("");
            if (!p.description().isBlank()) {
                lines.add(Markdown.paragraph(p.description()));
                lines.add("");
            }
            architecture();
            data();
            hyperparameters();
            if (results != null) results();
            lines.add("---");
            lines.add("");
            lines.add("*Exported from LayerLab.*");
            return String.join("\n", lines) + "\n";
        }

        private void architecture() {
            TrainingSpec t = plan.project().training();
            ModelSummary summary = ModelSummary.of(plan.report(), t.batchSize(), t.optimizer());
            Set<String> built = new HashSet<>();
            for (Node n : plan.order()) built.add(n.id());
            lines.add("## Architecture");
            lines.add("");
            lines.add("| Layer | Type | Settings | Output | Parameters |");
            lines.add("| --- | --- | --- | --- | ---: |");
            long total = 0;
            long multiplyAdds = 0;
            int layers = 0;
            for (ModelSummary.Row row : summary.rows()) {
                if (!built.contains(row.id())) continue;
                Node node = plan.graph().node(row.id()).orElseThrow();
                lines.add("| " + Markdown.code(row.id()) + " | " + row.type() + " | " + Markdown.cell(DiagramText.settings(node))
                        + " | " + row.outputLabel() + " | " + Text.number(row.params()) + " |");
                total += row.params();
                multiplyAdds += row.multiplyAdds();
                layers++;
            }
            lines.add("| **Total** | | | | **" + Text.number(total) + "** |");
            lines.add("");
            MemoryEstimate memory = summary.memory();
            lines.add(Text.count(layers, "layer") + ", " + Text.count(total, "learned parameter") + ", "
                    + Text.number(multiplyAdds) + " multiply-adds per example. Training with " + t.optimizer() + " at batch size "
                    + t.batchSize() + " needs about " + MemoryEstimate.format(memory.total()) + " (weights "
                    + MemoryEstimate.format(memory.weightBytes()) + ", optimizer state " + MemoryEstimate.format(memory.updaterBytes())
                    + ", activations " + MemoryEstimate.format(memory.activationBytes()) + ").");
            lines.add("");
            lines.add("Inputs: " + plan.inputs().stream().map(n -> Markdown.code(n.id()) + " " + plan.shape(n).label())
                    .collect(Collectors.joining(", ")) + ". Outputs: " + plan.outputs().stream()
                    .map(n -> Markdown.code(n.id()) + " " + plan.shape(n).label() + " (" + lossWords(n) + ")")
                    .collect(Collectors.joining(", ")) + ".");
            lines.add("");
        }

        private static String lossWords(Node output) {
            return switch (String.valueOf(NetworkPlan.param(output, "loss"))) {
                case "mcxent" -> "one class of several, cross-entropy loss";
                case "xent" -> "independent yes/no outputs, binary cross-entropy loss";
                case "mse" -> "regression, mean squared error";
                default -> "regression, mean absolute error";
            };
        }

        private void data() {
            DataSpec d = plan.project().data();
            lines.add("## Data");
            lines.add("");
            lines.add("| Setting | Value |");
            lines.add("| --- | --- |");
            lines.add("| Source | " + Markdown.code(d.source()) + " |");
            for (var e : d.params().entrySet()) {
                lines.add("| " + Markdown.cell(e.getKey()) + " | " + Markdown.cell(String.valueOf(e.getValue())) + " |");
            }
            lines.add("| Validation split | " + percent(d.validationSplit()) + " of the examples |");
            lines.add("| Seed | " + d.seed() + " |");
            lines.add("");
        }

        private void hyperparameters() {
            TrainingSpec t = plan.project().training();
            lines.add("## Hyperparameters");
            lines.add("");
            lines.add("| Setting | Value |");
            lines.add("| --- | --- |");
            lines.add("| Optimizer | " + optimizerWords(t.optimizer()) + " |");
            lines.add("| Learning rate | " + BigDecimal.valueOf(t.learningRate()).toPlainString() + " |");
            lines.add("| Batch size | " + t.batchSize() + " |");
            lines.add("| Epochs | " + t.epochs() + " |");
            lines.add("| Shuffle | " + (t.shuffle() ? "yes, every epoch" : "no") + " |");
            lines.add("| Seed | " + t.seed() + " |");
            lines.add("");
        }

        private static String optimizerWords(String optimizer) {
            return switch (optimizer) {
                case "sgd" -> "SGD";
                case "momentum" -> "SGD with momentum " + Updaters.MOMENTUM;
                case "nesterov" -> "SGD with Nesterov momentum " + Updaters.MOMENTUM;
                case "adam" -> "Adam";
                default -> "RMSprop";
            };
        }

        private void results() {
            lines.add("## Results");
            lines.add("");
            lines.add("| Metric | Value |");
            lines.add("| --- | --- |");
            lines.add("| Epochs trained | " + results.epochs() + " |");
            if (results.trainLoss() != null) lines.add("| Training loss | " + significant(results.trainLoss()) + " |");
            if (results.valLoss() != null) lines.add("| Validation loss | " + significant(results.valLoss()) + " |");
            if (results.valAccuracy() != null) lines.add("| Validation accuracy | " + percent(results.valAccuracy()) + " |");
            lines.add("| Training time | " + seconds(results.seconds()) + " |");
            if (results.stopReason() != null) lines.add("| Ended | " + Markdown.cell(results.stopReason()) + " |");
            lines.add("");
            if (results.curves() != null) {
                lines.add("![Loss curves](" + Markdown.link(link(results.curves())) + ")");
                lines.add("");
            }
        }

        /** The picture's path as the card should link it: relative to the card's folder where possible, with forward slashes. */
        private String link(Path picture) {
            Path target = picture;
            if (folder != null) {
                Path absolute = picture.toAbsolutePath().normalize();
                if (absolute.getRoot() != null && absolute.getRoot().equals(folder.getRoot())) target = folder.normalize().relativize(absolute);
            }
            List<String> parts = new ArrayList<>();
            for (Path part : target) parts.add(part.toString());
            String joined = String.join("/", parts);
            return target.isAbsolute() && target.getRoot() != null ? target.getRoot().toString().replace('\\', '/') + joined : joined;
        }

        private static String significant(double value) {
            if (!Double.isFinite(value)) return String.valueOf(value);
            return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }

        private static String percent(double fraction) {
            double p = fraction * 100;
            return (p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
        }

        private static String seconds(double s) {
            if (s < 60) return String.format(Locale.ROOT, "%.1f s", s);
            long total = Math.round(s);
            return total / 60 + " min " + total % 60 + " s";
        }
    }
}
