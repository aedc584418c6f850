package io.layerlab.train;

import io.layerlab.data.DataSpec;
import io.layerlab.data.Datasets;
import io.layerlab.data.LoadedData;
import io.layerlab.data.RawDataset;
import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionBoundaryTest {

    private static ProjectRun trainedXor(List<BoundaryFrame> frames) {
        Project xor = new SampleProjects().open(new SampleProjects().find("xor").orElseThrow());
        ProjectRun run = ProjectRun.prepare(xor, xor.training().withEpochs(25));
        DecisionBoundary boundary = DecisionBoundary.over(run.data(), 32);
        run.trainer().addObserver(new BoundarySampler(boundary, run.network(), frames::add), ObserverRate.everyIterations(50));
        run.trainer().run();
        return run;
    }

    @Test
    void theGridCoversEveryPointWithAMarginAndFormsAroundTheTrainedClasses() {
        List<BoundaryFrame> frames = new ArrayList<>();
        ProjectRun run = trainedXor(frames);
        RawDataset raw = run.data().raw();
        BoundaryFrame last = frames.get(frames.size() - 1);

        assertThat(frames.get(0).iteration()).isZero();
        assertThat(frames).extracting(BoundaryFrame::iteration).isSorted().hasSizeGreaterThan(2);
        int correct = 0;
        for (int i = 0; i < raw.size(); i++) {
            double x = raw.feature(i, 0);
            double y = raw.feature(i, 1);
            assertThat(x).isBetween(last.minX(), last.maxX());
            assertThat(y).isBetween(last.minY(), last.maxY());
            int column = (int) ((x - last.minX()) / (last.maxX() - last.minX()) * last.size());
            int row = (int) ((last.maxY() - y) / (last.maxY() - last.minY()) * last.size());
            if (last.classAt(row, column) == raw.label(i)) {
                correct++;
            }
        }
        // The cell of each point holds the trained network's decision there: XOR's quadrants.
        assertThat(correct / (double) raw.size()).isGreaterThan(0.9);
        assertThat(last.minX()).isLessThan(-1.0);
        assertThat(last.maxX()).isGreaterThan(1.0);
    }

    @Test
    void eachCellHoldsTheNetworksOwnPredictionAtItsCentre() {
        List<BoundaryFrame> frames = new ArrayList<>();
        ProjectRun run = trainedXor(frames);
        BoundaryFrame frame = DecisionBoundary.over(run.data(), 8).evaluate(run.network(), 7);

        for (int row = 0; row < 8; row += 3) {
            for (int column = 0; column < 8; column += 3) {
                INDArray input = run.data().toNetworkInput(new double[][]{{frame.x(column), frame.y(row)}});
                INDArray probabilities = run.network().outputSingle(false, input);
                assertThat(frame.classAt(row, column)).isEqualTo(probabilities.argMax(1).getInt(0));
                assertThat((double) frame.confidenceAt(row, column))
                        .isCloseTo(probabilities.maxNumber().doubleValue(), org.assertj.core.api.Assertions.within(1e-5));
            }
        }
        assertThat(frame.iteration()).isEqualTo(7);
        assertThat(frame.y(0)).isGreaterThan(frame.y(7));
    }

    @Test
    void refusesDataThatIsNotTwoDimensionalClassification() {
        LoadedData sine = Datasets.load(new DataSpec("sine", Map.of(), 0.2, 1));
        assertThat(DecisionBoundary.supports(sine)).isFalse();
        assertThatThrownBy(() -> DecisionBoundary.over(sine, 32)).hasMessageContaining("classification data with 2 features");
    }
}
