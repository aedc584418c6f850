package io.layerlab.train;

import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the XOR sample for a few epochs out of sight, so that a person's first run does not pay
 * for what every first run of a session pays once: DL4J's and ND4J's classes initialised, their op
 * registries and caches built. Preparing the spiral sample's first run (compiling the graph,
 * loading the data, building the network) took 181-224 ms in a fresh JVM and 6-11 ms after this
 * warm-up (0.6-0.9 s of a background thread); five epochs are too few to change how fast the JIT
 * gets the first run's own training up to speed (docs/performance.md, "The first run of a session").
 * The designer runs it on its ND4J loader thread, at background priority, once ND4J is ready; the
 * command line, which trains once per process, does not.
 */
public final class TrainingWarmUp {
    /** The sample trained: the smallest, with the parts nearly every network has (Dense, an output layer, Adam). */
    static final String SAMPLE = "xor";
    static final int EPOCHS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(TrainingWarmUp.class);

    private TrainingWarmUp() { }

    /**
     * Trains the sample on the calling thread (never the JavaFX thread); a failure is logged and
     * swallowed, as nothing depends on the warm-up.
     *
     * @return the warm-up run's result, or null when it could not run
     */
    public static TrainingResult run() {
        long start = System.nanoTime();
        try {
            SampleProjects samples = new SampleProjects();
            Project project = samples.open(samples.find(SAMPLE).orElseThrow(
                    () -> new IllegalStateException("the " + SAMPLE + " sample is not on the classpath")));
            TrainingResult result = ProjectRun.prepare(project, project.training().withEpochs(EPOCHS)).trainer().run();
            LOG.debug("Training warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
            return result;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Could not warm up training (a first run will take longer): {}", e.toString());
            return null;
        }
    }
}
