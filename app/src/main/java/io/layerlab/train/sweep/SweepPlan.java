package io.layerlab.train.sweep;

import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.LayerKind;
import io.layerlab.catalog.ParamSpec;
import io.layerlab.catalog.ParamType;
import io.layerlab.compile.CompileException;
import io.layerlab.compile.GraphCompiler;
import io.layerlab.data.Datasets;
import io.layerlab.data.LoadedData;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.graph.SetParam;
import io.layerlab.project.Project;
import io.layerlab.shape.Diagnostic;
import io.layerlab.train.DataFit;
import io.layerlab.train.TrainingSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The runs of a sweep, each with its own copy of the project: the graph copied (with the varied
 * activation set), the training section changed to the run's learning rate, batch size,
 * optimizer, epochs and seed. Made on the calling thread from a snapshot, so later edits of the
 * project do not reach runs in progress, and runs never share a graph.
 *
 * <p>Runs are ordered repeat by repeat: all combinations once, then all again with the next seed,
 * so a sweep cancelled half-way still has one run of as many combinations as possible.
 */
public final class SweepPlan {
    /** One planned run: its key and the project it trains. */
    public record PlannedRun(RunKey key, Project project) {
        public TrainingSpec training() { return project.training(); }
    }

    private final SweepSpec spec;
    private final String projectName;
    private final List<PlannedRun> runs;
    private final List<Combination> combinations;
    private final Map<String, Graph> variantGraphs;
    private final TrainingSpec baseTraining;
    private final Project base;

    private SweepPlan(SweepSpec spec, Project base, List<PlannedRun> runs, List<Combination> combinations,
                      Map<String, Graph> variantGraphs) {
        this.spec = spec;
        this.projectName = base.name();
        this.base = base;
        this.baseTraining = base.training();
        this.runs = List.copyOf(runs);
        this.combinations = List.copyOf(combinations);
        this.variantGraphs = variantGraphs;
    }

    /**
     * Plans the sweep of {@code project}.
     *
     * @throws IllegalArgumentException when the spec's activation names no node of the graph, a node
     *         without an activation, or a function the catalog does not know
     */
    public static SweepPlan of(Project project, SweepSpec spec) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(spec, "spec");
        Graph graph = project.graph().copy();
        TrainingSpec training = project.training();
        Map<String, Graph> variants = activationVariants(graph, spec.activation());
        List<String> optimizers = spec.optimizers().isEmpty() ? List.of(training.optimizer()) : spec.optimizers();
        int epochs = spec.epochs() != null ? spec.epochs() : training.epochs();

        List<Combination> combinations = new ArrayList<>();
        for (double rate : spec.learningRates()) {
            for (int batch : spec.batchSizes()) {
                for (String optimizer : optimizers) {
                    for (String activation : variants.keySet()) {
                        String function = spec.activation() == null ? null : activation;
                        combinations.add(new Combination(rate, batch, optimizer, function,
                                label(rate, batch, spec.optimizers().size() > 1 ? optimizer : null, function)));
                    }
                }
            }
        }
        List<PlannedRun> runs = new ArrayList<>();
        for (int repeat = 0; repeat < spec.repeats(); repeat++) {
            for (Combination c : combinations) {
                long seed = training.seed() + repeat;
                String runLabel = spec.repeats() > 1 ? c.label() + " · run " + (repeat + 1) : c.label();
                RunKey key = new RunKey(runs.size(), c, repeat, seed, runLabel);
                TrainingSpec runTraining = training.withLearningRate(c.learningRate()).withBatchSize(c.batchSize())
                        .withOptimizer(c.optimizer()).withEpochs(epochs).withSeed(seed);
                Graph runGraph = variants.get(c.activation() == null ? "" : c.activation()).copy();
                runs.add(new PlannedRun(key, new Project(project.name(), project.description(), runGraph,
                        project.data(), runTraining)));
            }
        }
        Project base = new Project(project.name(), project.description(), graph, project.data(), training);
        return new SweepPlan(spec, base, runs, combinations, variants);
    }

    public SweepSpec spec() { return spec; }
    public String projectName() { return projectName; }
    /** Every run, in the order they start. */
    public List<PlannedRun> runs() { return runs; }
    public List<RunKey> keys() { return runs.stream().map(PlannedRun::key).toList(); }
    /** The distinct combinations, in the order of the first repeat. */
    public List<Combination> combinations() { return combinations; }
    /** The project's training section, before the sweep's changes. */
    public TrainingSpec baseTraining() { return baseTraining; }
    public int epochs() { return runs.get(0).training().epochs(); }

    /**
     * Checks, before any run starts, what would make every run fail: each graph variant compiles,
     * and the data loads and fits it.
     *
     * @throws CompileException naming every problem of the first variant that has some
     * @throws io.layerlab.data.DataException when the data section is invalid
     */
    public void preflight() {
        LoadedData data = Datasets.load(base.data());
        for (Map.Entry<String, Graph> variant : variantGraphs.entrySet()) {
            TrainingSpec training = runs.get(0).training();
            GraphCompiler.compile(variant.getValue(), training);
            List<Diagnostic> misfits = DataFit.check(variant.getValue(), data);
            if (misfits.stream().anyMatch(Diagnostic::isError)) {
                throw new CompileException(misfits);
            }
        }
    }

    /** "lr 0.01 · batch 32", then the optimizer and the activation when given; no batch when {@code batch} is null. */
    static String label(double rate, Integer batch, String optimizer, String activation) {
        StringBuilder label = new StringBuilder("lr ").append(LearningRates.format(rate));
        if (batch != null) label.append(" · batch ").append(batch);
        if (optimizer != null) label.append(" · ").append(optimizer);
        if (activation != null) label.append(" · ").append(activation);
        return label.toString();
    }

    /** Graph per activation function (key "" for the unchanged graph when none varies). */
    private static Map<String, Graph> activationVariants(Graph graph, ActivationChoice choice) {
        Map<String, Graph> variants = new LinkedHashMap<>();
        if (choice == null) {
            variants.put("", graph);
            return variants;
        }
        Node node = graph.node(choice.nodeId()).orElseThrow(() -> new IllegalArgumentException(
                "activation: the graph has no node '" + choice.nodeId() + "'; nodes with an activation: "
                        + String.join(", ", nodesWithActivation(graph))));
        ParamSpec param = activationParam(node).orElseThrow(() -> new IllegalArgumentException(
                "activation: node '" + node.id() + "' (" + node.type() + ") has no activation function; nodes with one: "
                        + String.join(", ", nodesWithActivation(graph))));
        for (String function : choice.functions()) {
            ParamSpec.Result coerced = param.coerce(function);
            if (!coerced.isOk()) {
                throw new IllegalArgumentException("activation of '" + node.id() + "': \"" + function + "\" is not valid; "
                        + param.validDescription());
            }
            Graph variant = graph.copy();
            new SetParam(node.id(), param.name(), coerced.value()).apply(variant);
            variants.put(function, variant);
        }
        return variants;
    }

    private static java.util.Optional<ParamSpec> activationParam(Node node) {
        return Catalog.layer(node.type()).map(LayerKind::params).orElse(List.of()).stream()
                .filter(p -> p.type() == ParamType.ACTIVATION).findFirst();
    }

    private static List<String> nodesWithActivation(Graph graph) {
        return graph.nodes().stream().filter(n -> activationParam(n).isPresent()).map(Node::id).toList();
    }
}
