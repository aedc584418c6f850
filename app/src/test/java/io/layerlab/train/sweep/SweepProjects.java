package io.layerlab.train.sweep;

import io.layerlab.data.DataSpec;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import io.layerlab.train.TrainingSpec;
import java.util.Map;

/** Sample projects cut down to what two shared cores train in moments. */
final class SweepProjects {
    private SweepProjects() { }

    /** The XOR sample (Dense 8, tanh Activation node "tanh", Output) on 120 points, Adam, batch 16. */
    static Project xor(int epochs) {
        SampleProjects samples = new SampleProjects();
        Project p = samples.open(samples.find("xor").orElseThrow());
        p.setData(new DataSpec("xor", Map.of("samples", 120, "noise", 0.1), 0.25, 7));
        p.setTraining(new TrainingSpec("adam", 0.03, 16, epochs, true, 42));
        return p;
    }

    static Project spiral() {
        SampleProjects samples = new SampleProjects();
        return samples.open(samples.find("spiral").orElseThrow());
    }
}
