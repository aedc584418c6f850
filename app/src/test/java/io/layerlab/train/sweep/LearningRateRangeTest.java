package io.layerlab.train.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.layerlab.project.Project;
import io.layerlab.project.SampleProjects;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** {@link LrRangeTest}: the ramp, the early stop and the suggestion. */
class LearningRateRangeTest {

    private static LrRangeTest.Settings ramp(double from, double to, int iterations) {
        return new LrRangeTest.Settings(from, to, iterations, 0.9, 1e9, null);
    }

    @Test
    void eachIterationTrainsWithARateGrowingExponentiallyFromFirstToLast() {
        for (String optimizer : List.of("adam", "momentum")) {
            Project project = SweepProjects.xor(5);
            project.setTraining(project.training().withOptimizer(optimizer));

            LrRangeResult result = new LrRangeTest(project, ramp(1e-4, 1, 41)).run();

            List<LrRangeTest.Point> points = result.points();
            assertThat(points).hasSize(41);
            assertThat(result.ending()).isEqualTo(LrRangeResult.Ending.COMPLETED);
            assertThat(points.get(0).learningRate()).as(optimizer).isCloseTo(1e-4, within(1e-12));
            assertThat(points.get(40).learningRate()).as(optimizer).isCloseTo(1, within(1e-6));
            assertThat(points.get(20).learningRate()).as(optimizer).isCloseTo(0.01, within(1e-7));
            assertThat(points).extracting(LrRangeTest.Point::iteration).startsWith(1, 2, 3);
            assertThat(points).allSatisfy(p -> assertThat(p.loss()).isFinite().isPositive());
            assertThat(project.training().learningRate()).isEqualTo(0.03);
        }
    }

    @Test
    void suggestsARateWithinADecadeOfTheOneTheXorSampleTrainsWellWith() {
        SampleProjects samples = new SampleProjects();
        Project xor = samples.open(samples.find("xor").orElseThrow());

        LrRangeResult result = new LrRangeTest(xor, LrRangeTest.Settings.defaults()).run();

        assertThat(xor.training().learningRate()).isEqualTo(0.03);
        assertThat(result.suggestedRate()).as(result.explanation()).isBetween(0.003, 0.3);
        assertThat(result.suggestedRate()).isCloseTo(result.minLossRate() / 10, Offset.offset(result.minLossRate() / 100));
        assertThat(result.neverFell()).isFalse();
        assertThat(result.explanation()).startsWith("Suggested learning rate " + LearningRates.format(result.suggestedRate()));
        assertThat(result.trend()).hasSameSizeAs(result.points().toArray());
    }

    @Test
    void stopsWhenTheSmoothedLossExceedsFourTimesItsLowest() {
        Project project = SweepProjects.xor(5);
        LrRangeTest.Settings toHuge = new LrRangeTest.Settings(1e-3, 1e6, 200, 0.9, 4, null);

        LrRangeResult result = new LrRangeTest(project, toHuge).run();

        assertThat(result.ending()).isEqualTo(LrRangeResult.Ending.EXPLODED);
        assertThat(result.points().size()).isLessThan(200);
        LrRangeTest.Point last = result.points().get(result.points().size() - 1);
        double lowest = result.points().stream().mapToDouble(LrRangeTest.Point::smoothedLoss).min().orElseThrow();
        assertThat(last.smoothedLoss() > 4 * lowest || !Double.isFinite(last.loss())).isTrue();
    }

    @Test
    void aStopRequestEndsTheTestBeforeTheNextIteration() {
        Project project = SweepProjects.xor(5);
        LrRangeTest test = new LrRangeTest(project, ramp(1e-4, 1, 100));
        test.addListener(point -> {
            if (point.iteration() == 5) test.stop();
        });

        LrRangeResult result = test.run();

        assertThat(result.ending()).isEqualTo(LrRangeResult.Ending.STOPPED);
        assertThat(result.points()).hasSize(5);
        assertThat(result.suggestedRate()).isNaN();
        assertThat(result.explanation()).isEqualTo("Too few iterations ran (5) to suggest a learning rate.");
    }
}
