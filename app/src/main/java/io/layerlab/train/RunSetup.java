package io.layerlab.train;

import io.layerlab.data.DataSpec;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.project.Project;
import io.layerlab.project.ProjectWriter;

import java.time.Instant;
import java.util.List;

/**
 * What a run was started with, frozen at the start: the hyperparameters, the data section, and the
 * graph (its version, its nodes and wires, and the whole project as project-file JSON, so a run can
 * be saved and two runs compared however the graph changed since).
 *
 * @param id          unique within its {@link RunLog}, from 1
 * @param name        "Run 3"
 * @param colourIndex the run's colour in charts and lists, 0 to {@link RunLog#COLOURS} - 1
 */
public record RunSetup(int id, String name, int colourIndex, TrainingSpec training, DataSpec data, long graphVersion,
                       List<Node> nodes, List<Edge> edges, String projectJson, Instant startedAt) {

    public RunSetup {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * Freezes {@code project} as it is now, with {@code training} and {@code data} for this run.
     * Call on the thread that edits the project's graph.
     */
    static RunSetup of(int id, int colourIndex, Project project, TrainingSpec training, DataSpec data) {
        Graph graph = project.graph();
        Project snapshot = new Project(project.name(), project.description(), graph.copy(), data, training);
        return new RunSetup(id, "Run " + id, colourIndex, training, data, graph.version(),
                List.copyOf(graph.nodes()), List.copyOf(graph.edges()), new ProjectWriter().toJson(snapshot), Instant.now());
    }

    /** A new graph holding this run's nodes and wires. */
    public Graph graph() {
        return Graph.of(nodes, edges);
    }

    public LearningRateSchedule schedule() {
        return LearningRateSchedule.of(training);
    }
}
