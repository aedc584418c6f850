package io.layerlab.export;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Node;
import io.layerlab.project.Project;
import io.layerlab.project.ProjectFileException;
import io.layerlab.project.ProjectReader;
import io.layerlab.project.SampleProject;
import io.layerlab.project.SampleProjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The projects every exporter is tried on: the bundled samples, plus two test networks that
 * between them use every compilable layer kind and activation (under src/test/resources/export).
 */
final class ExportFixtures {
    /**
     * Test projects beside the samples: images (vision), sequences with two inputs and outputs
     * (sequence), maxout in every place it can go (maxout).
     */
    static final List<String> TEST_PROJECTS = List.of("vision", "sequence", "maxout");

    private ExportFixtures() { }

    /** Short names ("xor", ..., "vision", "sequence") of every project exporters are tested on. */
    static Stream<String> projectNames() {
        List<String> names = new ArrayList<>();
        for (SampleProject s : new SampleProjects().list()) names.add(s.shortName());
        names.addAll(TEST_PROJECTS);
        return names.stream();
    }

    /**
     * Output with a learned PReLU after convolutions whose softmax works per pixel; a dangling
     * Dense named "out_linear" takes the name the compiler would give the output's helper layer.
     */
    static Project preluOutputOnImages() {
        return KerasScriptExporterTest.project(List.of(
                        Node.of("image", "Input", Map.of("shape", List.of(6, 6, 2))),
                        Node.of("conv", "Conv2D", Map.of("filters", 4, "padding", "same", "activation", "softmax")),
                        Node.of("soft", "Activation", Map.of("function", "softmax")),
                        Node.of("flat", "Flatten", Map.of()),
                        Node.of("out", "Output", Map.of("units", 3, "activation", "prelu", "loss", "mse")),
                        Node.of("out_linear", "Dense", Map.of("units", 2))),
                List.of(new Edge("image", "conv"), new Edge("conv", "soft"), new Edge("soft", "flat"), new Edge("flat", "out"),
                        new Edge("flat", "out_linear")));
    }

    /** A per-step output with a learned PReLU after a step-activated SimpleRNN and a leaky ReLU on a sequence. */
    static Project preluOutputOnSequences() {
        return KerasScriptExporterTest.project(List.of(
                        Node.of("steps", "Input", Map.of("shape", List.of(5, 3))),
                        Node.of("rnn", "SimpleRNN", Map.of("units", 4, "activation", "step", "returnSequences", true)),
                        Node.of("leaky", "Activation", Map.of("function", "leakyrelu", "alpha", 0.3)),
                        Node.of("tags", "SequenceOutput", Map.of("units", 2, "activation", "prelu", "loss", "mse"))),
                List.of(new Edge("steps", "rnn"), new Edge("rnn", "leaky"), new Edge("leaky", "tags")));
    }

    /** A fresh copy of the sample or test project with this short name. */
    static Project project(String shortName) {
        SampleProjects samples = new SampleProjects();
        var sample = samples.find(shortName);
        if (sample.isPresent()) return samples.open(sample.get());
        String resource = "export/" + shortName + ".layerlab.json";
        try (InputStream in = ExportFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no sample or test project " + shortName);
            return new ProjectReader().read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProjectFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
