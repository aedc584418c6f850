package io.layerlab.train;

import io.layerlab.data.DataSpec;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.project.Project;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunDiffTest {
    private static final DataSpec SPIRAL = new DataSpec("spiral", Map.of("samples", 600, "noise", 0.1), 0.2, 7);

    private static Project project(Node... hidden) {
        List<Node> nodes = new java.util.ArrayList<>();
        nodes.add(new Node("in", "Input", 40, 120, Map.of("shape", List.of(2))));
        nodes.addAll(List.of(hidden));
        nodes.add(new Node("out", "Output", 580, 120, Map.of("units", 2, "activation", "softmax", "loss", "mcxent")));
        List<Edge> edges = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < nodes.size(); i++) {
            edges.add(new Edge(nodes.get(i).id(), nodes.get(i + 1).id()));
        }
        return new Project("Spiral", "", Graph.of(nodes, edges), SPIRAL, TrainingSpec.defaults());
    }

    private static Node dense(String id, int units, double x) {
        // Ordered on purpose: Map.of iterates in a per-JVM random order, and the diff lists parameters in node order.
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("units", units);
        params.put("activation", "relu");
        return new Node(id, "Dense", x, 120, params);
    }

    @Test
    void namesEveryChangedHyperparameterWithBothValues() {
        Project project = project(dense("hidden1", 64, 220));
        RunLog log = new RunLog();
        RunSetup first = log.begin(project, TrainingSpec.defaults(), SPIRAL);
        TrainingSpec changed = LearningRateSchedule.step(10, 0.5).applyTo(TrainingSpec.defaults().withLearningRate(0.1).withBatchSize(64));
        RunSetup second = log.begin(project, changed, new DataSpec("spiral", Map.of("samples", 600, "noise", 0.25), 0.3, 7));

        assertThat(RunDiff.between(first, second)).containsExactly(
                "learning rate 0.01 → 0.1",
                "learning-rate schedule none → step ×0.5 every 10 epochs",
                "batch size 32 → 64",
                "data noise 0.1 → 0.25",
                "validation split 0.2 → 0.3");
    }

    @Test
    void namesNodesAddedAndRemovedParametersChangedAndWiresMoved() {
        RunLog log = new RunLog();
        RunSetup before = log.begin(project(dense("hidden1", 64, 220), dense("hidden2", 64, 400)), TrainingSpec.defaults(), SPIRAL);
        RunSetup after = log.begin(project(dense("hidden1", 32, 260), dense("hidden3", 16, 400)), TrainingSpec.defaults(), SPIRAL);

        assertThat(RunDiff.between(before, after)).containsExactly(
                "removed Dense hidden2",
                "hidden1.units 64 → 32",
                "added Dense hidden3 (units 16, activation relu)",
                "wire hidden1 → hidden2 removed",
                "wire hidden2 → out removed",
                "wire hidden1 → hidden3 added",
                "wire hidden3 → out added");
    }

    @Test
    void amongSeveralRunsNamesEachSettingThatDiffersWithEveryRunsValueAndTheGraphFromRunToRun() {
        RunLog log = new RunLog();
        Project small = project(dense("hidden1", 64, 220));
        RunSetup first = log.begin(small, TrainingSpec.defaults(), SPIRAL);
        RunSetup second = log.begin(small, TrainingSpec.defaults().withLearningRate(0.0316227766), SPIRAL);
        RunSetup third = log.begin(project(dense("hidden1", 64, 220), dense("hidden2", 16, 400)),
                TrainingSpec.defaults().withLearningRate(0.1), new DataSpec("spiral", Map.of("samples", 600, "noise", 0.25), 0.2, 7));

        assertThat(RunDiff.among(List.of(first, second, third))).containsExactly(
                "learning rate 0.01, 0.03162, 0.1",
                "data noise 0.1, 0.1, 0.25",
                "Run 3 after Run 2: added Dense hidden2 (units 16, activation relu)",
                "Run 3 after Run 2: wire hidden1 → out removed",
                "Run 3 after Run 2: wire hidden1 → hidden2 added",
                "Run 3 after Run 2: wire hidden2 → out added");
        assertThat(RunDiff.among(List.of(first, first, first))).isEmpty();
        // Between two runs every digit counts.
        assertThat(RunDiff.between(first, second)).containsExactly("learning rate 0.01 → 0.0316227766");
    }

    @Test
    void movedNodesAndParametersSetToTheirDefaultAreNoChange() {
        RunLog log = new RunLog();
        Node implicit = new Node("hidden1", "Dense", 220, 120, Map.of("units", 64));
        Node explicitDefault = new Node("hidden1", "Dense", 300, 200, Map.of("units", 64,
                "activation", io.layerlab.catalog.Catalog.effectiveParam("Dense", Map.of(), "activation")));
        RunSetup a = log.begin(project(implicit), TrainingSpec.defaults(), SPIRAL);
        RunSetup b = log.begin(project(explicitDefault), TrainingSpec.defaults(), SPIRAL);

        assertThat(RunDiff.between(a, b)).isEmpty();
    }

    @Test
    void theLogHandsOutIdsAndColoursInTurnAndFreezesTheGraph() {
        Project project = project(dense("hidden1", 64, 220));
        RunLog log = new RunLog();
        RunSetup first = log.begin(project, TrainingSpec.defaults(), SPIRAL);
        for (int i = 2; i <= RunLog.COLOURS; i++) {
            log.begin(project, TrainingSpec.defaults(), SPIRAL);
        }
        RunSetup eleventh = log.begin(project, TrainingSpec.defaults(), SPIRAL);
        new io.layerlab.graph.SetParam("hidden1", "units", 8).apply(project.graph());

        assertThat(first.id()).isEqualTo(1);
        assertThat(first.name()).isEqualTo("Run 1");
        assertThat(eleventh.id()).isEqualTo(11);
        assertThat(eleventh.colourIndex()).isEqualTo(first.colourIndex());
        assertThat(first.projectJson()).contains("\"hidden1\"").contains("\"learningRate\": 0.01");
        assertThat(first.graph().node("hidden1").orElseThrow().param("units")).isEqualTo(64);
        assertThat(RunDiff.between(first, log.begin(project, TrainingSpec.defaults(), SPIRAL)))
                .containsExactly("hidden1.units 64 → 8");
    }
}
