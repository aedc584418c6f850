package io.layerlab.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sample projects bundled with LayerLab, in gallery order. They live on the class path
 * under {@code sample-projects/} (copied there from the top-level folder of the same name by
 * the build), listed by {@code sample-projects/index.json} because a folder inside a jar cannot
 * be listed.
 */
public final class SampleProjects {
    /** Class-path folder of the samples. */
    public static final String RESOURCE_FOLDER = "sample-projects/";
    private static final String INDEX = RESOURCE_FOLDER + "index.json";

    private final ClassLoader loader;

    public SampleProjects() { this(SampleProjects.class.getClassLoader()); }

    SampleProjects(ClassLoader loader) { this.loader = loader; }

    /**
     * Every bundled sample with its name and description, in gallery order.
     *
     * @throws IllegalStateException when the index or a sample is missing or unreadable: the
     *         build packaged LayerLab wrongly, which no user action can fix
     */
    public List<SampleProject> list() {
        List<SampleProject> samples = new ArrayList<>();
        for (String fileName : fileNames()) {
            Project project = open(fileName);
            samples.add(new SampleProject(fileName, project.name(), project.description()));
        }
        return List.copyOf(samples);
    }

    /** The sample whose file name (e.g. {@code "spiral.layerlab.json"}) or name without suffix ({@code "spiral"}) is given. */
    public Optional<SampleProject> find(String nameOrFileName) {
        String fileName = nameOrFileName.endsWith(ProjectFormat.FILE_SUFFIX) ? nameOrFileName : nameOrFileName + ProjectFormat.FILE_SUFFIX;
        if (!fileNames().contains(fileName)) return Optional.empty();
        Project project = open(fileName);
        return Optional.of(new SampleProject(fileName, project.name(), project.description()));
    }

    /** A fresh copy of the sample's project, ready to edit (saving it needs a new file). */
    public Project open(SampleProject sample) {
        return open(sample.fileName());
    }

    /** The sample's file content; the caller closes the stream. */
    public InputStream openStream(SampleProject sample) {
        return stream(sample.fileName());
    }

    private Project open(String fileName) {
        try (InputStream in = stream(fileName)) {
            // Made here, not with the catalogue: the designer makes its catalogue while its window opens.
            return new ProjectReader().read(in, RESOURCE_FOLDER + fileName);
        } catch (ProjectFileException e) {
            throw new IllegalStateException("the bundled sample " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> fileNames() {
        try (InputStream in = stream("index.json")) {
            JsonNode index = ProjectReader.MAPPER.readTree(in).path("samples");
            List<String> names = new ArrayList<>();
            for (JsonNode name : index) names.add(name.asText());
            if (names.isEmpty()) throw new IllegalStateException(INDEX + " lists no samples; it should hold {\"samples\": [\"xor.layerlab.json\", ...]}");
            return names;
        } catch (IOException e) {
            throw new IllegalStateException(INDEX + " cannot be read: " + e.getMessage(), e);
        }
    }

    private InputStream stream(String fileName) {
        InputStream in = loader.getResourceAsStream(RESOURCE_FOLDER + fileName);
        if (in == null) throw new IllegalStateException("the bundled sample " + RESOURCE_FOLDER + fileName + " is missing from the class path");
        return in;
    }
}
