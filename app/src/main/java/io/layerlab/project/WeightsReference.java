package io.layerlab.project;

import io.layerlab.model.ModelFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The project file's {@code "initialWeights"} field, {@code {"file": "NAME.layerlab.weights.zip",
 * "source": "Keras model NAME.h5"}}: the {@link WeightsFile} beside the project that training
 * starts from. The field is optional and a LayerLab that does not know it keeps it as an unknown
 * field, so files stay readable both ways.
 *
 * <p>Weights that cannot be loaded never stop a project from opening: the field stays as it was
 * (written back unchanged) and the project says why in {@link Project#initialWeightsProblem()}.
 */
final class WeightsReference {
    static final String FIELD = "initialWeights";

    private WeightsReference() { }

    /**
     * Loads the weights {@code project}'s field names, from {@code folder} (the project file's;
     * null when the project was not read from a file).
     */
    static void resolve(Project project, Path folder) {
        Object field = project.extras().get(FIELD);
        if (field == null) return;
        if (!(field instanceof Map<?, ?> reference) || !(reference.get("file") instanceof String name) || !isPlainFileName(name)) {
            project.setInitialWeightsProblem("the \"" + FIELD + "\" field must be {\"file\": \"NAME" + WeightsFile.SUFFIX
                    + "\"} naming a file beside the project, was " + field);
            return;
        }
        if (folder == null) {
            project.setInitialWeightsProblem("the initial weights in " + name + " were not loaded: the project was not read from "
                    + "its folder");
            return;
        }
        Path file = folder.resolve(name);
        if (!Files.exists(file)) {
            project.setInitialWeightsProblem("the initial weights file " + name + " is missing (it belongs beside the project, in "
                    + folder + ")");
            return;
        }
        try {
            project.setInitialWeights(WeightsFile.read(file));
        } catch (ModelFileException e) {
            project.setInitialWeightsProblem("the initial weights cannot be used: " + e.getMessage());
        }
    }

    /** The field for weights kept in {@code fileName}. */
    static Map<String, Object> field(String fileName, InitialWeights weights) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("file", fileName);
        field.put("source", weights.source());
        return field;
    }

    /** A name in the project's own folder: no folders, no way up, nothing absolute. */
    private static boolean isPlainFileName(String name) {
        return !name.isBlank() && !name.contains("/") && !name.contains("\\") && !name.equals("..") && !name.equals(".")
                && !name.contains(":") && name.indexOf('\0') < 0;
    }
}
