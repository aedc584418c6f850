package io.layerlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layerlab.data.GreyPicture;
import io.layerlab.data.LoadedData;
import io.layerlab.data.PictureInput;
import io.layerlab.data.RawDataset;
import io.layerlab.data.Sketch;
import io.layerlab.train.ProjectRun;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A drawn picture reaches an image network exactly as its training data did, and comes back as
 * named class probabilities: from a training run's network and from a model zip alike. The shapes
 * sample's network is built, not trained: these are questions of plumbing, not of accuracy.
 */
class ImageClassifierTest {
    private static ProjectRun shapes;

    @BeforeAll
    static void prepare() {
        shapes = ProjectRun.prepare(TrainedModels.project("shapes-cnn"));
    }

    private static ImageClassifier classifier() {
        LoadedData data = shapes.data();
        return new ImageClassifier(shapes.network(), data.normalizer(), data.inputShape(), data.classNames());
    }

    /** Row {@code row} of {@code raw} drawn 4 times as large, each pixel a 4×4 block: what a person copying it on a pad would make. */
    private static GreyPicture enlarged(RawDataset raw, int row) {
        int size = raw.exampleShape().width();
        int scale = 4;
        float[] grey = new float[size * scale * size * scale];
        for (int y = 0; y < size * scale; y++) {
            for (int x = 0; x < size * scale; x++) {
                grey[y * size * scale + x] = (float) (raw.feature(row, (y / scale) * size + x / scale) / RawDataset.MAX_GRAY);
            }
        }
        return GreyPicture.of(size * scale, size * scale, grey);
    }

    @Test
    void aSourcePictureDrawnLargerReachesTheNetworkExactlyAsItsValidationExampleDid() {
        LoadedData data = shapes.data();
        INDArray validation = data.validation().orElseThrow().getFeatures();
        ImageClassifier classifier = classifier();
        for (int row = 0; row < 5; row++) {
            double[] rawRow = PictureInput.rawRow(enlarged(data.rawValidation(), row), data.inputShape());

            INDArray input = classifier.networkInput(rawRow);

            INDArray trainedOn = validation.get(NDArrayIndex.interval(row, row + 1), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
            assertThat(input.shape()).containsExactly(1, 1, 16, 16);
            assertThat(input.equalsWithEps(trainedOn, 1e-6)).as("validation example %d", row).isTrue();
        }
    }

    @Test
    void aSketchGetsAProbabilityForEveryClassOfTheData() {
        Sketch ring = Sketch.EMPTY.with(new Sketch.Stroke(0.1, new double[] {0.8, 0.5, 0.5, 0.8, 0.2, 0.5, 0.5, 0.2, 0.8, 0.5}));

        ClassProbabilities answer = classifier().classify(ring);

        assertThat(answer.names()).containsExactly("circle", "square", "triangle", "cross");
        assertThat(answer.total()).isCloseTo(1.0, within(1e-5));
        for (int i = 0; i < answer.size(); i++) assertThat(answer.probability(i)).isBetween(0f, 1f);
        assertThat(answer.probability(answer.top())).isGreaterThanOrEqualTo(0.25f);
    }

    @Test
    void aModelZipClassifiesAPictureAsPredictDoesOnACopyOfItsNetwork(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("shapes.zip");
        shapes.saveModel(zip);
        Predictor predictor = Predictor.of(ModelFiles.load(zip));
        double[] rawRow = shapes.data().rawValidation().features()[0];

        ImageClassifier classifier = ImageClassifier.copyOf(predictor);

        assertThat(ImageClassifier.supports(predictor)).isTrue();
        assertThat(classifier.network()).isNotSameAs(predictor.model().network());
        ClassProbabilities answer = classifier.classify(rawRow);
        float[] predicted = predictor.predict(new double[][] {rawRow}).outputs()[0];
        assertThat(answer.names()).containsExactly("circle", "square", "triangle", "cross");
        for (int i = 0; i < predicted.length; i++) assertThat(answer.probability(i)).isCloseTo(predicted[i], within(1e-6f));
    }

    @Test
    void aNetworkOfFeaturesIsNoImageClassifier() {
        ProjectRun iris = ProjectRun.prepare(TrainedModels.project("iris"));

        assertThatThrownBy(() -> new ImageClassifier(iris.network(), iris.data().normalizer(), iris.data().inputShape(), iris.data().classNames()))
                .hasMessageContaining("takes pictures [h, w, c]").hasMessageContaining("[4]");
        assertThatThrownBy(() -> classifier().networkInput(new double[10]))
                .hasMessageContaining("[16, 16, 1] has 256 values, not 10");
    }
}
