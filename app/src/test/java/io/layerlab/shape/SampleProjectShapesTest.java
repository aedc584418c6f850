package io.layerlab.shape;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.project.SampleProject;
import io.layerlab.project.SampleProjects;
import org.junit.jupiter.api.Test;

/** The bundled samples open without a single warning: they are what a newcomer sees first. */
class SampleProjectShapesTest {
    @Test
    void everySampleProjectChecksClean() {
        SampleProjects samples = new SampleProjects();
        for (SampleProject sample : samples.list()) {
            ShapeReport report = ShapeInference.infer(samples.open(sample).graph());
            assertThat(report.diagnostics()).as(sample.fileName()).isEmpty();
            assertThat(report.totalParams()).as(sample.fileName()).isPositive();
        }
    }
}
