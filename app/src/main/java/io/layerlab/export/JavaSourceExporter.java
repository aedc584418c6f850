package io.layerlab.export;

import io.layerlab.data.DataSpec;
import io.layerlab.export.JavaNetworkCode.Helper;
import io.layerlab.graph.Node;
import io.layerlab.project.AtomicFile;
import io.layerlab.project.Project;
import io.layerlab.shape.TensorShape;
import io.layerlab.train.TrainingSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The network as a self-contained, readable Java class that builds the same DL4J configuration
 * as LayerLab's compiler with the builder API, a comment per layer:
 * {@code public class <Name>Network} with {@code configuration()} and a {@code main} that builds
 * the network, prints its summary and runs a random example through it. It needs only DL4J and
 * ND4J; where LayerLab uses a class of its own (the step activation, softmax over an image's
 * channels, classical momentum), the generated file carries its own copy. The file is plain
 * ASCII and has no package declaration, so it can go into any project as it is.
 */
public final class JavaSourceExporter implements TextExporter {
    private static final String INDENT = "    ";

    /** The source with the class named after the project, e.g. "XorWithOneHiddenLayerNetwork". */
    @Override
    public String export(Project project) {
        return export(project, className(project));
    }

    /**
     * The source with the given class name.
     *
     * @throws IllegalArgumentException when {@code className} is not a valid Java class name
     */
    public String export(Project project, String className) {
        if (!JavaText.isClassName(className)) {
            throw new IllegalArgumentException("\"" + className + "\" is not a Java class name; use letters, digits and _ (e.g. "
                    + className(project) + ")");
        }
        NetworkPlan plan = NetworkPlan.of(project).requireTraining();
        JavaNetworkCode code = new JavaNetworkCode(plan);
        List<String> body = code.body();
        return new Source(plan, className, code, body).text();
    }

    /**
     * Writes the source atomically. A file named like a class ({@code MyNet.java}) gets a class of
     * that name, as javac requires; any other name gets the class named after the project.
     */
    @Override
    public void write(Project project, Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String stem = fileName.endsWith(".java") ? fileName.substring(0, fileName.length() - 5) : "";
        String className = JavaText.isClassName(stem) ? stem : className(project);
        AtomicFile.write(file, export(project, className).getBytes(StandardCharsets.UTF_8));
    }

    /** The class name {@link #export(Project)} uses: the project name in CamelCase with "Network". */
    public static String className(Project project) {
        return JavaText.className(project.name());
    }

    private static final class Source {
        private final NetworkPlan plan;
        private final String className;
        private final JavaNetworkCode code;
        private final List<String> body;
        private final List<String> lines = new ArrayList<>();
        private final Set<String> imports;

        Source(NetworkPlan plan, String className, JavaNetworkCode code, List<String> body) {
            this.plan = plan;
            this.className = className;
            this.code = code;
            this.body = body;
            this.imports = new TreeSet<>(code.imports());
        }

        String text() {
            imports.add("org.deeplearning4j.nn.graph.ComputationGraph");
            imports.add("org.nd4j.linalg.api.buffer.DataType");
            imports.add("org.nd4j.linalg.api.ndarray.INDArray");
            imports.add("org.nd4j.linalg.factory.Nd4j");
            imports.add("java.util.Arrays");
            List<String> helperLines = helpers();
            for (String i : imports) if (i.startsWith("java.")) lines.add("import " + i + ";");
            lines.add("");
            for (String i : imports) if (!i.startsWith("java.")) lines.add("import " + i + ";");
            lines.add("");
            classJavadoc();
            lines.add("public class " + className + " {");
            lines.add(INDENT + "/**");
            lines.add(INDENT + " * The network's configuration. Inputs: " + javadocList(plan.inputs()) + "; outputs: "
                    + javadocList(plan.outputs()) + ".");
            lines.add(INDENT + " */");
            lines.add(INDENT + "public static ComputationGraphConfiguration configuration() {");
            lines.addAll(body);
            lines.add(INDENT + "}");
            lines.add("");
            main();
            lines.addAll(helperLines);
            lines.add("}");
            return String.join("\n", lines) + "\n";
        }

        private void classJavadoc() {
            var p = plan.project();
            lines.add("/**");
            lines.add(" * " + JavaText.javadocText(p.name()));
            if (!p.description().isBlank()) {
                lines.add(" *");
                List<String> wrapped = Text.wrap(JavaText.javadocText(p.description()), 96);
                lines.add(" * <p>" + wrapped.get(0));
                for (String l : wrapped.subList(1, wrapped.size())) lines.add(" * " + l);
            }
            lines.add(" *");
            List<String> about = Text.wrap("Exported from LayerLab: configuration() builds the same DL4J network as LayerLab's compiler "
                    + "(" + Text.count(plan.totalParams(), "parameter") + "). Needs deeplearning4j-core and an ND4J backend such as "
                    + "nd4j-native-platform, version 1.0.0-M2.1.", 96);
            lines.add(" * <p>" + about.get(0));
            for (String l : about.subList(1, about.size())) lines.add(" * " + l);
            lines.add(" *");
            List<String> training = Text.wrap(JavaText.javadocText(trainingWords()), 96);
            lines.add(" * <p>" + training.get(0));
            for (String l : training.subList(1, training.size())) lines.add(" * " + l);
            lines.add(" */");
        }

        private String trainingWords() {
            TrainingSpec t = plan.project().training();
            DataSpec d = plan.project().data();
            String params = d.params().isEmpty() ? "" : " (" + d.params().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
            return "Training as LayerLab runs it: " + t.optimizer() + " at learning rate " + JavaText.number(t.learningRate())
                    + " (set in configuration()), batches of " + t.batchSize() + ", " + Text.count(t.epochs(), "epoch")
                    + (t.shuffle() ? ", shuffled" : "") + "; data from the \"" + d.source() + "\" source" + params + ", "
                    + Math.round(d.validationSplit() * 100) + "% kept for validation.";
        }

        private void main() {
            String in = INDENT + INDENT;
            lines.add(INDENT + "/** Builds the network, prints its summary and runs one random example through it. */");
            lines.add(INDENT + "public static void main(String[] args) {");
            lines.add(in + "ComputationGraph network = new ComputationGraph(configuration());");
            lines.add(in + "network.init();");
            lines.add(in + "System.out.println(network.summary());");
            lines.add("");
            lines.add(in + "// One random example per input in DL4J's layout: features [1, n], images [1, c, h, w], sequences [1, f, t].");
            List<String> examples = plan.inputs().stream().map(n -> "Nd4j.rand(DataType.FLOAT, " + dl4jShape(plan.shape(n)) + ")").toList();
            lines.add(in + "INDArray[] outputs = network.output(" + String.join(", ", examples) + ");");
            for (int i = 0; i < plan.outputs().size(); i++) {
                lines.add(in + "System.out.println(" + JavaText.string(plan.outputs().get(i).id() + ": ")
                        + " + Arrays.toString(outputs[" + i + "].shape()));");
            }
            lines.add(in + "// To train it: network.fit(data) with a " + (plan.inputs().size() == 1 && plan.outputs().size() == 1
                    ? "DataSetIterator" : "MultiDataSetIterator (one array per input and per output)")
                    + ", for " + Text.count(plan.project().training().epochs(), "epoch") + ".");
            lines.add(INDENT + "}");
        }

        private static String dl4jShape(TensorShape s) {
            int[] d = s.dims();
            return switch (s.kind()) {
                case FEATURES -> "1, " + d[0];
                case IMAGE -> "1, " + d[2] + ", " + d[0] + ", " + d[1];
                case SEQUENCE -> "1, " + d[1] + ", " + d[0];
            };
        }

        private static String javadocList(List<Node> nodes) {
            return nodes.stream().map(n -> "{@code " + JavaText.javadocText(n.id()).replace("{", "&#123;").replace("}", "&#125;") + "}")
                    .collect(Collectors.joining(", "));
        }

        private List<String> helpers() {
            List<String> out = new ArrayList<>();
            if (code.helpers().contains(Helper.STEP)) {
                imports.add("org.nd4j.common.primitives.Pair");
                imports.add("org.nd4j.linalg.activations.BaseActivationFunction");
                out.addAll(JavaHelperClasses.STEP.lines().toList());
            }
            if (code.helpers().contains(Helper.FEATURE_SOFTMAX)) {
                imports.add("org.nd4j.common.primitives.Pair");
                imports.add("org.nd4j.linalg.activations.BaseActivationFunction");
                imports.add("org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax");
                imports.add("org.nd4j.linalg.api.ops.impl.transforms.gradient.SoftmaxBp");
                out.addAll(JavaHelperClasses.FEATURE_SOFTMAX.lines().toList());
            }
            if (code.helpers().contains(Helper.CLASSICAL_MOMENTUM)) {
                imports.add("java.util.Map");
                imports.add("java.util.Objects");
                imports.add("org.nd4j.linalg.api.shape.Shape");
                imports.add("org.nd4j.linalg.learning.GradientUpdater");
                imports.add("org.nd4j.linalg.learning.config.IUpdater");
                imports.add("org.nd4j.linalg.schedule.ISchedule");
                imports.add("org.nd4j.shade.jackson.annotation.JsonCreator");
                imports.add("org.nd4j.shade.jackson.annotation.JsonProperty");
                out.addAll(JavaHelperClasses.CLASSICAL_MOMENTUM.lines().toList());
            }
            for (Helper helper : Helper.values()) {
                if (helper.ownClass != null && code.helpers().contains(helper)) addOwnClass(helper.ownClass, imports, out);
            }
            return out;
        }

        private static void addOwnClass(String qualifiedName, Set<String> imports, List<String> out) {
            OwnClassSource own = OwnClassSource.of(qualifiedName);
            imports.addAll(own.imports());
            out.addAll(own.nestedBody().lines().toList());
        }
    }
}
