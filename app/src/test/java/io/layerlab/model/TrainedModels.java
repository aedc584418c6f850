package io.layerlab.model;

import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.ProjectRun;

/** Sample projects trained for a few epochs: enough to move every weight away from its initial value. */
final class TrainedModels {
    private TrainedModels() { }

    static Project project(String sample) {
        SampleProjects samples = new SampleProjects();
        return samples.open(samples.find(sample).orElseThrow());
    }

    static ProjectRun train(String sample, int epochs) {
        Project project = project(sample);
        ProjectRun run = ProjectRun.prepare(project, project.training().withEpochs(epochs));
        run.trainer().run();
        return run;
    }

    /** The first {@code count} rows of the run's data, unstandardised, as a person would type them. */
    static double[][] rawRows(ProjectRun run, int count) {
        double[][] all = run.data().raw().features();
        return java.util.Arrays.copyOf(all, Math.min(count, all.length));
    }
}
