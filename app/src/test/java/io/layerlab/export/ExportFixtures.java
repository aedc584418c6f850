package io.layerlab.export;

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
import java.util.stream.Stream;

/**
 * The projects every exporter is tried on: the bundled samples, plus two test networks that
 * between them use every compilable layer kind and activation (under src/test/resources/export).
 */
final class ExportFixtures {
    /** Test projects beside the samples: images (vision) and sequences with two inputs and outputs (sequence). */
    static final List<String> TEST_PROJECTS = List.of("vision", "sequence");

    private ExportFixtures() { }

    /** Short names ("xor", ..., "vision", "sequence") of every project exporters are tested on. */
    static Stream<String> projectNames() {
        List<String> names = new ArrayList<>();
        for (SampleProject s : new SampleProjects().list()) names.add(s.shortName());
        names.addAll(TEST_PROJECTS);
        return names.stream();
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
