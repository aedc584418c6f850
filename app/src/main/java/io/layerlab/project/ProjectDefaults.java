package io.layerlab.project;

import io.layerlab.data.DataSpec;
import io.layerlab.graph.Graph;
import io.layerlab.train.TrainingSpec;
import java.util.Map;

/**
 * What a project holds where its file says nothing. A file without a "data" section trains on
 * the xor set with the generator's own defaults; without a "training" section it uses
 * {@link TrainingSpec#defaults()} (adam, learning rate 0.01, batch 32, 50 epochs, shuffled,
 * seed 42). A missing field inside a section takes the value listed here.
 */
public final class ProjectDefaults {
    public static final String NAME = "Untitled";
    public static final String DESCRIPTION = "";
    public static final String DATA_SOURCE = "xor";
    public static final double VALIDATION_SPLIT = 0.2;
    public static final long DATA_SEED = 7;

    private ProjectDefaults() { }

    /** The data section used when a file has none: xor, no parameters, 20 % validation, seed 7. */
    public static DataSpec data() {
        return new DataSpec(DATA_SOURCE, Map.of(), VALIDATION_SPLIT, DATA_SEED);
    }

    /** The training section used when a file has none. */
    public static TrainingSpec training() {
        return TrainingSpec.defaults();
    }

    /** A new, empty project: no layers yet, default data and training. */
    public static Project newProject() {
        return new Project(NAME, DESCRIPTION, new Graph(), data(), training());
    }
}
