package io.layerlab.export;

import io.layerlab.catalog.LayerKind;
import io.layerlab.compile.Updaters;
import io.layerlab.data.DataSpec;
import io.layerlab.export.KerasModel.Block;
import io.layerlab.export.KerasModel.Helper;
import io.layerlab.export.KerasModel.Output;
import io.layerlab.graph.Node;
import io.layerlab.project.Project;
import io.layerlab.train.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The network as a readable Python script that builds it with the tf.keras functional API:
 * one commented layer call per node (layer names are the node ids), {@code model.compile} with
 * the project's optimiser, learning rate and loss, {@code model.summary()}, and a commented
 * {@code model.fit} call that names the project's data.
 */
public final class KerasScriptExporter implements TextExporter {
    private static final int WIDTH = 100;
    private static final String INDENT = "    ";
    /** The argument Keras takes first, written without its name for readability. */
    private static final Map<String, String> POSITIONAL = Map.of("Dense", "units", "Conv2D", "filters", "Dropout", "rate",
            "SimpleRNN", "units", "LSTM", "units", "GRU", "units", "Activation", "activation", "TimeDistributed", "layer", "Lambda", "function", "Maxout", "pieces");

    @Override
    public String export(Project project) {
        NetworkPlan plan = NetworkPlan.of(project).requireTraining();
        KerasModel model = KerasModelBuilder.build(plan);
        Map<String, KerasParamCounter.Count> counts = KerasParamCounter.count(model);
        return new Script(plan, model, counts).text();
    }

    private static final class Script {
        private final NetworkPlan plan;
        private final KerasModel model;
        private final Map<String, KerasParamCounter.Count> counts;
        private final List<String> lines = new ArrayList<>();

        Script(NetworkPlan plan, KerasModel model, Map<String, KerasParamCounter.Count> counts) {
            this.plan = plan;
            this.model = model;
            this.counts = counts;
        }

        String text() {
            header();
            helpers();
            for (Block b : model.blocks()) block(b);
            compile();
            fitExample();
            return String.join("\n", lines) + "\n";
        }

        private void header() {
            Project p = plan.project();
            lines.add("\"\"\"" + docstring(p.name()));
            if (!p.description().isBlank()) {
                lines.add("");
                for (String l : Text.wrap(p.description(), WIDTH)) lines.add(docstring(l));
            }
            lines.add("");
            for (String l : Text.wrap("Exported from LayerLab: the project's network written with the tf.keras functional API. "
                    + "Needs TensorFlow 2 (pip install tensorflow). Layer names are the LayerLab node ids. Weights start from "
                    + "Keras' default initialisers rather than DL4J's, so the two train alike but not to identical numbers.", WIDTH)) {
                lines.add(l);
            }
            lines.add("\"\"\"");
            lines.add("import tensorflow as tf");
            lines.add("from tensorflow import keras");
            lines.add("from tensorflow.keras import layers");
            lines.add("");
            lines.add("keras.utils.set_random_seed(" + p.training().seed() + ")  # the project's training seed");
        }

        private void helpers() {
            if (model.helpers().contains(Helper.STEP)) {
                lines.add("");
                lines.add("");
                lines.add("def step(x):");
                lines.add(INDENT + "\"\"\"LayerLab's step activation: 1 where x > 0, else 0.");
                lines.add("");
                lines.add(INDENT + "Its slope is zero everywhere, so no gradient flows back through it (as in LayerLab).");
                lines.add(INDENT + "\"\"\"");
                lines.add(INDENT + "return tf.cast(x > 0, x.dtype)");
            }
            if (model.helpers().contains(Helper.LEAKY_RELU)) {
                lines.add("");
                lines.add("");
                lines.add("def leaky_relu(x):");
                lines.add(INDENT + "\"\"\"Leaky ReLU with LayerLab's slope of " + Python.number(KerasModelBuilder.LEAKY_RELU_ALPHA)
                        + " for negative inputs (Keras' LeakyReLU defaults to 0.3).\"\"\"");
                lines.add(INDENT + "return tf.nn.leaky_relu(x, alpha=" + Python.number(KerasModelBuilder.LEAKY_RELU_ALPHA) + ")");
            }
            if (model.helpers().contains(Helper.MAXOUT)) {
                lines.add("");
                lines.add("");
                lines.addAll(KerasScriptClasses.MAXOUT.lines().toList());
            }
            if (model.helpers().contains(Helper.SELF_ATTENTION)) {
                lines.add("");
                lines.add("");
                lines.addAll(KerasScriptClasses.SELF_ATTENTION.lines().toList());
            }
            lines.add("");
        }

        private void block(Block b) {
            Node node = b.node();
            LayerKind kind = NetworkPlan.kind(node);
            KerasParamCounter.Count out = counts.get(b.last().name());
            long params = b.layers().stream().mapToLong(l -> counts.get(l.name()).params()).sum();
            String summary = kind.summary().endsWith(".") ? kind.summary() : kind.summary() + ".";
            String where = kind.isInput() ? " Shape " + out.kerasShape() + "." : " Output " + out.kerasShape()
                    + (params == 0 ? "." : ", " + Text.count(params, "parameter") + ".");
            lines.add("");
            lines.addAll(Python.comment(node.type() + " " + Python.string(node.id()) + ": " + summary + where, WIDTH));
            for (String note : b.notes()) lines.add("# " + note);
            for (KerasLayer layer : b.layers()) lines.addAll(call(layer));
        }

        private List<String> call(KerasLayer layer) {
            String target = layer.variable() + " = ";
            String function = layer.className().equals("Input") ? "keras.Input"
                    : KerasModel.SCRIPT_CLASSES.contains(layer.className()) ? layer.className() : "layers." + layer.className();
            List<String> args = arguments(layer);
            String applied = layer.inputs().isEmpty() ? ""
                    : layer.inputs().size() == 1 ? "(" + layer.inputs().get(0) + ")" : "(" + String.join(", ", bracket(layer.inputs())) + ")";
            String oneLine = target + function + "(" + String.join(", ", args) + ")" + applied;
            if (oneLine.length() <= WIDTH) return List.of(oneLine);
            List<String> out = new ArrayList<>();
            out.add(target + function + "(");
            String packed = INDENT + String.join(", ", args);
            if (packed.length() <= WIDTH) {
                out.add(packed);
            } else {
                for (String a : args) out.add(INDENT + a + ",");
            }
            out.add(")" + applied);
            return out;
        }

        private static List<String> bracket(List<String> variables) {
            return List.of("[" + String.join(", ", variables) + "]");
        }

        private static List<String> arguments(KerasLayer layer) {
            List<String> args = new ArrayList<>();
            String positional = POSITIONAL.get(layer.className());
            for (Map.Entry<String, Object> e : layer.config().entrySet()) {
                String value = e.getValue() instanceof KerasLayer inner
                        ? "layers." + inner.className() + "(" + String.join(", ", arguments(inner)) + ")"
                        : Python.literal(e.getValue());
                args.add(e.getKey().equals(positional) && args.isEmpty() ? value : e.getKey() + "=" + value);
            }
            return args;
        }

        private void compile() {
            TrainingSpec t = plan.project().training();
            String lr = Python.number(t.learningRate());
            String momentum = Python.number(Updaters.MOMENTUM);
            String optimizer = switch (t.optimizer()) {
                case "sgd" -> "keras.optimizers.SGD(learning_rate=" + lr + ")";
                case "momentum" -> "keras.optimizers.SGD(learning_rate=" + lr + ", momentum=" + momentum + ")";
                case "nesterov" -> "keras.optimizers.SGD(learning_rate=" + lr + ", momentum=" + momentum + ", nesterov=True)";
                case "adam" -> "keras.optimizers.Adam(learning_rate=" + lr + ")";
                case "rmsprop" -> "keras.optimizers.RMSprop(learning_rate=" + lr + ", rho=0.95)";
                default -> throw new IllegalStateException("optimizer " + t.optimizer() + " passed the check");
            };
            String why = switch (t.optimizer()) {
                case "sgd" -> "plain stochastic gradient descent";
                case "momentum" -> "gradient descent with momentum " + momentum;
                case "nesterov" -> "gradient descent with Nesterov momentum " + momentum;
                case "adam" -> "Adam";
                default -> "RMSprop with DL4J's decay of 0.95 (Keras' rho)";
            };
            List<String> inputs = model.inputs();
            List<String> outputs = model.outputs().stream().map(Output::variable).toList();
            lines.add("");
            lines.add("model = keras.Model(inputs=" + oneOrList(inputs) + ", outputs=" + oneOrList(outputs)
                    + ", name=" + Python.string(modelName(plan.project().name())) + ")");
            lines.add("");
            lines.addAll(Python.comment("Training setup: " + why + " at learning rate " + lr + "; loss: " + lossWords() + ".", WIDTH));
            lines.add("model.compile(");
            lines.add(INDENT + "optimizer=" + optimizer + ",");
            lines.add(INDENT + "loss=" + losses() + ",");
            String metrics = metrics();
            if (metrics != null) lines.add(INDENT + "metrics=" + metrics + ",");
            lines.add(")");
            lines.add("model.summary()  # " + Text.count(plan.totalParams(), "parameter") + " in total, as LayerLab counts them");
        }

        private String losses() {
            if (model.outputs().size() == 1) return Python.string(model.outputs().get(0).keras());
            return model.outputs().stream().map(o -> Python.string(o.name()) + ": " + Python.string(o.keras()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }

        private String metrics() {
            List<Output> classifying = model.outputs().stream().filter(Output::classifies).toList();
            if (classifying.isEmpty()) return null;
            if (model.outputs().size() == 1) return "[\"accuracy\"]";
            return classifying.stream().map(o -> Python.string(o.name()) + ": [\"accuracy\"]")
                    .collect(Collectors.joining(", ", "{", "}"));
        }

        private String lossWords() {
            return model.outputs().stream().map(o -> switch (o.keras()) {
                case "categorical_crossentropy" -> "categorical cross-entropy (one class of several)";
                case "binary_crossentropy" -> "binary cross-entropy (independent yes/no outputs)";
                case "mse" -> "mean squared error";
                default -> "mean absolute error";
            }).distinct().collect(Collectors.joining(" and "));
        }

        private void fitExample() {
            Project p = plan.project();
            DataSpec data = p.data();
            TrainingSpec t = p.training();
            String params = data.params().isEmpty() ? "" : " (" + data.params().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
            String split = percent(data.validationSplit());
            lines.add("");
            lines.addAll(Python.comment("Training as LayerLab runs it. LayerLab's data: the \"" + data.source() + "\" source" + params
                    + ", " + split + " of the examples kept for validation (seed " + data.seed() + "). Load the same data as NumPy "
                    + "arrays, N examples:", WIDTH));
            List<String> xs = new ArrayList<>();
            for (Node in : plan.inputs()) {
                String x = plan.inputs().size() == 1 ? "x" : "x_" + Python.identifier(in.id());
                xs.add(x);
                lines.add("#   " + x + ": shape " + arrayShape(counts.get(model.blocks().stream()
                        .filter(b -> b.node() == in).findFirst().orElseThrow().last().name())));
            }
            List<String> ys = new ArrayList<>();
            for (int i = 0; i < model.outputs().size(); i++) {
                Output o = model.outputs().get(i);
                String y = model.outputs().size() == 1 ? "y" : "y_" + o.variable();
                ys.add(y);
                lines.add("#   " + y + ": shape " + arrayShape(counts.get(o.name())) + ", " + targetWords(o));
            }
            String call = "# model.fit(" + oneOrList(xs) + ", " + oneOrList(ys) + ", ";
            String settings = "batch_size=" + t.batchSize() + ", epochs=" + t.epochs()
                    + ", validation_split=" + Python.number(data.validationSplit()) + ", shuffle=" + Python.literal(t.shuffle()) + ")";
            if (call.length() + settings.length() <= WIDTH) {
                lines.add(call + settings);
            } else {
                lines.add(call.stripTrailing());
                lines.add("#           " + settings);
            }
        }

        private static String targetWords(Output o) {
            return switch (o.keras()) {
                case "categorical_crossentropy" -> "one-hot class labels";
                case "binary_crossentropy" -> "0 or 1 per output";
                default -> "the values to predict";
            };
        }

        private static String arrayShape(KerasParamCounter.Count c) {
            return c.kerasShape().replace("(None", "(N");
        }

        private static String oneOrList(List<String> variables) {
            return variables.size() == 1 ? variables.get(0) : "[" + String.join(", ", variables) + "]";
        }

        private static String percent(double fraction) {
            double p = fraction * 100;
            return (p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
        }

        /** The project name as a Keras model name: lower case words joined by underscores. */
        static String modelName(String projectName) {
            String name = projectName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
            return name.isEmpty() ? "layerlab_model" : Character.isDigit(name.charAt(0)) ? "model_" + name : name;
        }

        /** Text safe inside a triple-quoted docstring. */
        private static String docstring(String text) {
            String s = text.replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
            return s.endsWith("\"") ? s.substring(0, s.length() - 1) + "\\\"" : s;
        }
    }
}
