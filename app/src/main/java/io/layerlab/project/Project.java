package io.layerlab.project;

import io.layerlab.data.DataSpec;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.train.TrainingSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One project file in memory: name, description, the graph, the data and training sections.
 * {@code extras} holds top-level fields this version does not know, written back on save;
 * {@code graphExtras} and {@code edgeExtras} do the same for the "graph" object and for each
 * wire's object (nodes carry their own, see {@link io.layerlab.graph.Node#extras()}). A wire's
 * unknown fields are keyed by the wire itself, so they are written back while that wire exists.
 *
 * <p>{@link #initialWeights()} are weights training starts from (an imported Keras model's),
 * kept beside the project file in a {@link WeightsFile}; when the file names weights that cannot
 * be read, {@link #initialWeightsProblem()} says why and training starts from fresh weights.
 */
public final class Project {
    private String name;
    private String description;
    private final Graph graph;
    private DataSpec data;
    private TrainingSpec training;
    private final Map<String, Object> extras = new LinkedHashMap<>();
    private final Map<String, Object> graphExtras = new LinkedHashMap<>();
    private final Map<Edge, Map<String, Object>> edgeExtras = new LinkedHashMap<>();
    private InitialWeights initialWeights;
    private String initialWeightsProblem;

    public Project(String name, String description, Graph graph, DataSpec data, TrainingSpec training) {
        this.name = Objects.requireNonNullElse(name, "Untitled");
        this.description = Objects.requireNonNullElse(description, "");
        this.graph = Objects.requireNonNull(graph);
        this.data = Objects.requireNonNull(data);
        this.training = Objects.requireNonNull(training);
    }

    public String name() { return name; }
    public String description() { return description; }
    public Graph graph() { return graph; }
    public DataSpec data() { return data; }
    public TrainingSpec training() { return training; }
    public Map<String, Object> extras() { return extras; }
    /** Unknown fields of the "graph" object. */
    public Map<String, Object> graphExtras() { return graphExtras; }
    /** Unknown fields of each wire's object, by wire. */
    public Map<Edge, Map<String, Object>> edgeExtras() { return edgeExtras; }

    public void setName(String name) { this.name = name; }
    public void setDescription(String description) { this.description = description; }
    public void setData(DataSpec data) { this.data = Objects.requireNonNull(data); }
    public void setTraining(TrainingSpec training) { this.training = Objects.requireNonNull(training); }

    /** The weights training starts from, if the project has any. */
    public Optional<InitialWeights> initialWeights() { return Optional.ofNullable(initialWeights); }

    /** Why the weights the file names could not be loaded (training then starts from fresh weights), if they could not. */
    public Optional<String> initialWeightsProblem() { return Optional.ofNullable(initialWeightsProblem); }

    /** Training starts from {@code weights} (null: from fresh weights); saving writes them beside the project file. */
    public void setInitialWeights(InitialWeights weights) {
        this.initialWeights = weights;
        this.initialWeightsProblem = null;
        extras.remove(WeightsReference.FIELD);
    }

    void setInitialWeightsProblem(String problem) { this.initialWeightsProblem = problem; }

    /** Gives this project (a copy made to save or to train) the initial weights of {@code other}, or its problem with them. */
    public void copyInitialWeightsFrom(Project other) {
        this.initialWeights = other.initialWeights;
        this.initialWeightsProblem = other.initialWeightsProblem;
    }
}
