package io.layerlab.train;

import io.layerlab.project.Project;
import java.util.List;
import java.util.Optional;

/**
 * What a run's network started from, when the project has initial weights (or names some that
 * could not be read): said on the command line's stderr and in the designer.
 *
 * @param source  where the weights came from ("Keras model digits.h5"); null when none were read
 * @param loaded  node ids that took their weights
 * @param skipped one entry per node that could not, naming it and why ("dense1 (W stored as [4, 8], ...)")
 * @param fresh   node ids with weights the stored ones have nothing for (added since)
 * @param problem why no weights were read at all (a missing or damaged file), or null
 */
public record StartingWeights(String source, List<String> loaded, List<String> skipped, List<String> fresh, String problem) {
    public StartingWeights {
        loaded = List.copyOf(loaded);
        skipped = List.copyOf(skipped);
        fresh = List.copyOf(fresh);
    }

    static StartingWeights applied(String source, List<String> loaded, List<String> skipped, List<String> fresh) {
        return new StartingWeights(source, loaded, skipped, fresh, null);
    }

    static StartingWeights unavailable(String problem) {
        return new StartingWeights(null, List.of(), List.of(), List.of(), problem);
    }

    /** One line: "starting from imported weights (Keras model digits.h5) for 3 layers; 1 skipped: dense1 (...)". */
    public String summary() {
        if (problem != null) return "starting from fresh weights: " + problem;
        if (loaded.isEmpty()) {
            return "starting from fresh weights: no layer fits the imported weights (" + source + ")"
                    + (skipped.isEmpty() ? "" : ": " + String.join("; ", skipped));
        }
        StringBuilder sb = new StringBuilder("starting from imported weights (").append(source).append(") for ")
                .append(layers(loaded.size()));
        if (!skipped.isEmpty()) sb.append("; ").append(skipped.size()).append(" skipped, starting fresh: ").append(String.join("; ", skipped));
        if (!fresh.isEmpty()) sb.append("; ").append(fresh.size()).append(" without stored weights, starting fresh: ").append(String.join(", ", fresh));
        return sb.toString();
    }

    /**
     * The one line the designer shows beside a project's training settings: "Starts from imported
     * weights (Keras model digits.h5)", or why they could not be read; empty when the project has none.
     */
    public static Optional<String> noticeFor(Project project) {
        if (project == null) return Optional.empty();
        if (project.initialWeights().isPresent()) {
            return Optional.of("Starts from imported weights (" + project.initialWeights().get().source() + ")");
        }
        return project.initialWeightsProblem().map(p -> "Starts from fresh weights: " + p);
    }

    private static String layers(int n) {
        return n == 1 ? "1 layer" : n + " layers";
    }
}
