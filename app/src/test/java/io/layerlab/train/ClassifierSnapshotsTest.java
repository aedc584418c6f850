package io.layerlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerlab.data.DataSpec;
import io.layerlab.model.ClassProbabilities;
import io.layerlab.model.ImageClassifier;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/**
 * A picture can be classified while its network trains, by a copy taken at safe points: the copy
 * answers as the training network did at the last epoch's end, is untouched by the updates that
 * follow, and ends with the weights the run keeps.
 */
class ClassifierSnapshotsTest {
    private static ProjectRun tinyShapes(int epochs) {
        SampleProjects samples = new SampleProjects();
        Project project = samples.open(samples.find("shapes-cnn").orElseThrow());
        project.setData(new DataSpec("shapes", Map.of("samples", 96), 0.25, 7));
        return ProjectRun.prepare(project, project.training().withEpochs(epochs).withBatchSize(24));
    }

    private static float[] answer(ImageClassifier classifier, double[] row) {
        ClassProbabilities p = classifier.classify(row);
        float[] values = new float[p.size()];
        for (int i = 0; i < values.length; i++) values[i] = p.probability(i);
        return values;
    }

    /** What the training network itself answers now. */
    private static float[] answerOf(ComputationGraph net, ImageClassifier sameInputs, double[] row) {
        return net.outputSingle(false, sameInputs.networkInput(row)).toFloatVector();
    }

    @Test
    void theCopyAnswersAsTheNetworkDidAtTheLastEpochEndAndEndsWithTheKeptWeights() {
        ProjectRun run = tinyShapes(3);
        ComputationGraph net = run.network();
        double[] row = run.data().rawValidation().features()[0];
        ClassifierSnapshots snapshots = new ClassifierSnapshots(net, run.data());
        int perEpoch = 3;
        List<String> checked = new ArrayList<>();
        float[][] atEpochOne = new float[1][];

        assertThat(snapshots.classifier()).isNull();
        assertThat(snapshots.epoch()).isEqualTo(-1);
        run.trainer().addObserver(snapshots, ObserverRate.epochsOnly());
        run.trainer().addObserver(new TrainingObserver() {
            @Override public void onEpoch(EpochEvent event) {
                ImageClassifier copy = snapshots.classifier();
                assertThat(snapshots.epoch()).isEqualTo(event.epoch());
                assertThat(answer(copy, row)).containsExactly(answerOf(net, copy, row));
                if (event.epoch() == 1) atEpochOne[0] = answer(copy, row);
                checked.add("epoch " + event.epoch());
            }

            @Override public void onIteration(IterationEvent event) {
                if (event.iteration() != perEpoch + 1) return;
                // One update after epoch 1: the training network has moved on, the copy has not.
                ImageClassifier copy = snapshots.classifier();
                assertThat(answer(copy, row)).containsExactly(atEpochOne[0]);
                assertThat(answerOf(net, copy, row)).isNotEqualTo(atEpochOne[0]);
                checked.add("after an update");
            }
        }, ObserverRate.everyIteration());

        TrainingResult result = run.trainer().run();

        assertThat(checked).containsExactly("epoch 1", "after an update", "epoch 2", "epoch 3");
        assertThat(snapshots.isFinal()).isTrue();
        assertThat(snapshots.epoch()).isEqualTo(result.bestEpoch());
        ImageClassifier kept = snapshots.classifier();
        assertThat(answer(kept, row)).containsExactly(answerOf(net, kept, row));
        assertThat(kept.classNames()).containsExactly("circle", "square", "triangle", "cross");
    }

    @Test
    void onlyPicturesToClassifyCanBeDrawn() {
        SampleProjects samples = new SampleProjects();
        ProjectRun iris = ProjectRun.prepare(samples.open(samples.find("iris").orElseThrow()));

        assertThat(ClassifierSnapshots.supports(iris.data())).isFalse();
        assertThatThrownBy(() -> new ClassifierSnapshots(iris.network(), iris.data()))
                .hasMessageContaining("trained on pictures to classify").hasMessageContaining("[4]");
    }
}
