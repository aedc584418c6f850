package io.layerlab.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.LayerKind;
import io.layerlab.catalog.ParamSpec;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SampleProjectsTest {
    private final SampleProjects samples = new SampleProjects();

    @Test
    void theGalleryListsTheSamplesInOrderWithNameAndDescription() {
        List<SampleProject> list = samples.list();

        assertThat(list).extracting(SampleProject::shortName)
                .containsExactly("xor", "spiral", "iris", "regression-sine", "residual-mlp", "shapes-cnn", "waves-gru",
                        "tokens-embedding", "spiral-maxout", "waves-attention");
        assertThat(list).allSatisfy(s -> {
            assertThat(s.name()).isNotBlank().isNotEqualTo(ProjectDefaults.NAME);
            assertThat(s.description()).hasSizeBetween(40, 300).endsWith(".");
        });
        assertThat(samples.find("spiral")).map(SampleProject::fileName).contains("spiral.layerlab.json");
        assertThat(samples.find("iris.layerlab.json")).isPresent();
        assertThat(samples.find("mnist")).isEmpty();
    }

    @Test
    void theIndexListsEveryBundledSample() throws Exception {
        URL folder = getClass().getClassLoader().getResource("sample-projects");
        assertThat(folder).as("sample-projects on the test class path").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            List<String> bundled = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(ProjectFormat.FILE_SUFFIX)).sorted().toList();
            assertThat(samples.list()).extracting(SampleProject::fileName).containsExactlyInAnyOrderElementsOf(bundled);
        }
    }

    @Test
    void everySampleIsStoredExactlyAsLayerLabWouldSaveIt() throws Exception {
        ProjectWriter writer = new ProjectWriter();
        for (SampleProject s : samples.list()) {
            String stored;
            try (InputStream in = samples.openStream(s)) {
                stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(writer.toJson(samples.open(s))).as(s.fileName() + " re-saved").isEqualTo(stored);
        }
    }

    @Test
    void everySampleUsesKnownLayersWithValidParametersAndOneWayWires() {
        for (SampleProject s : samples.list()) {
            Graph g = samples.open(s).graph();
            for (Node n : g.nodes()) {
                Optional<LayerKind> kind = Catalog.layer(n.type());
                assertThat(kind).as(s.fileName() + ": type of " + n.id()).isPresent();
                n.params().forEach((name, value) -> {
                    ParamSpec spec = paramSpec(kind.get(), n, name);
                    assertThat(spec).as(s.fileName() + ": " + n.id() + "." + name + " is a known parameter").isNotNull();
                    assertThat(spec.coerce(value).errorMessage()).as(s.fileName() + ": " + n.id() + "." + name).isEmpty();
                });
            }
            assertThat(g.nodes()).filteredOn(n -> n.type().equals("Input")).as(s.fileName() + " inputs").hasSize(1);
            assertThat(g.nodes()).filteredOn(n -> n.type().equals("Output")).as(s.fileName() + " outputs").hasSize(1);
            for (Node n : g.nodes()) {
                if (!n.type().equals("Input")) assertThat(g.inputsOf(n.id())).as(s.fileName() + ": wires into " + n.id()).isNotEmpty();
                if (!n.type().equals("Output")) assertThat(g.outputsOf(n.id())).as(s.fileName() + ": wires out of " + n.id()).isNotEmpty();
            }
            for (Edge e : g.edges()) {
                double fromX = g.node(e.from()).orElseThrow().x();
                double toX = g.node(e.to()).orElseThrow().x();
                assertThat(toX).as(s.fileName() + ": " + e + " runs left to right").isGreaterThan(fromX);
            }
        }
    }

    private static ParamSpec paramSpec(LayerKind kind, Node node, String name) {
        Optional<ParamSpec> own = kind.param(name);
        if (own.isPresent()) return own.get();
        if (kind.type().equals("Activation")) {
            return Catalog.activation(String.valueOf(node.param("function"))).flatMap(a -> a.params().stream()
                    .filter(p -> p.name().equals(name)).findFirst()).orElse(null);
        }
        return null;
    }

    @Test
    void outputsMatchTheTaskOfTheirData() {
        Map<String, Integer> classesOf = Map.of("xor", 2, "iris", 3, "shapes", 4, "tokens", 2);
        for (SampleProject s : samples.list()) {
            Project p = samples.open(s);
            Node out = p.graph().nodes().stream().filter(n -> n.type().equals("Output")).findFirst().orElseThrow();
            if (p.data().source().equals("sine")) {
                assertThat(out.params()).as(s.fileName()).containsEntry("units", 1)
                        .containsEntry("activation", "linear").containsEntry("loss", "mse");
            } else {
                Object classes = p.data().params().getOrDefault("classes", classesOf.get(p.data().source()));
                assertThat(out.params()).as(s.fileName()).containsEntry("units", classes)
                        .containsEntry("activation", "softmax").containsEntry("loss", "mcxent");
            }
            List<Object> shape = List.copyOf((List<?>) p.graph().nodes().iterator().next().param("shape"));
            if (p.data().source().equals("shapes")) {
                Object size = p.data().params().get("size");
                assertThat(shape).as(s.fileName() + " input is one picture").containsExactly(size, size, 1);
            } else if (p.data().source().equals("waves") || p.data().source().equals("tokens")) {
                Object steps = p.data().params().get("steps");
                assertThat(shape).as(s.fileName() + " input is one value per step").containsExactly(steps, 1);
            } else {
                assertThat(shape).as(s.fileName() + " input is a feature vector").hasSize(1);
            }
        }
    }

    @Test
    void theCnnSampleConvolvesAndPoolsTwiceBeforeItsClassifier() {
        Graph g = samples.open(samples.find("shapes-cnn").orElseThrow()).graph();
        assertThat(g.nodes()).extracting(Node::type).containsExactly("Input", "Conv2D", "MaxPooling2D", "Conv2D", "MaxPooling2D",
                "Flatten", "Dense", "Dropout", "Output");
        List<Node> nodes = List.copyOf(g.nodes());
        for (int i = 1; i < nodes.size(); i++) {
            assertThat(g.inputsOf(nodes.get(i).id())).extracting(Edge::from).as("a chain").containsExactly(nodes.get(i - 1).id());
        }
    }

    @Test
    void theResidualSampleHasASkipConnectionThroughAdd() {
        Graph g = samples.open(samples.find("residual-mlp").orElseThrow()).graph();
        Node add = g.nodes().stream().filter(n -> n.type().equals("Add")).findFirst().orElseThrow();
        List<Edge> in = g.inputsOf(add.id());

        assertThat(in).hasSize(2).extracting(Edge::toPort).containsExactly(0, 1);
        String skipFrom = in.get(0).from();
        assertThat(g.outputsOf(skipFrom)).as("the skip source also feeds the block").hasSize(2);
    }
}
