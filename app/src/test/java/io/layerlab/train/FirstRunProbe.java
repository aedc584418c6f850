package io.layerlab.train;

import io.layerlab.nd4j.Nd4jRuntime;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import java.util.Locale;

/**
 * What the designer's {@link TrainingWarmUp} saves a person's first run: in a fresh JVM, ND4J
 * loaded, the warm-up run or not, then the spiral sample's first run prepared and trained
 * (100 epochs), each part timed. Run it in alternating fresh JVMs, "cold" and "warm":
 * {@code java -cp <test classpath> io.layerlab.train.FirstRunProbe warm}
 */
public final class FirstRunProbe {
    public static void main(String[] args) {
        boolean warm = args.length > 0 && args[0].equals("warm");
        Nd4jRuntime.load();
        long warmUpStart = System.nanoTime();
        if (warm) TrainingWarmUp.run();
        long prepareStart = System.nanoTime();
        SampleProjects samples = new SampleProjects();
        Project spiral = samples.open(samples.find("spiral").orElseThrow());
        ProjectRun run = ProjectRun.prepare(spiral, spiral.training().withEpochs(100));
        long trainStart = System.nanoTime();
        TrainingResult result = run.trainer().run();
        long end = System.nanoTime();
        System.err.printf(Locale.ROOT, "%s: warm-up %d ms; first run prepared in %d ms, trained in %d ms (%.0f samples/s)%n",
                warm ? "warm" : "cold", (prepareStart - warmUpStart) / 1_000_000, (trainStart - prepareStart) / 1_000_000,
                (end - trainStart) / 1_000_000, result.samplesPerSecond());
    }
}
