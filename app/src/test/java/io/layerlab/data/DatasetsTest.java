package io.layerlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layerlab.shape.TensorShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.preprocessor.ImagePreProcessingScaler;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Loading into DL4J: split, standardisation, one-hot labels, determinism, iterators. */
class DatasetsTest {

    @Test
    void splitsByTheRequestedFractionAndKeepsClassProportions() {
        LoadedData data = Datasets.load(new DataSpec("blobs", Map.of("samples", 600, "classes", 3), 0.25, 5));

        assertThat(data.validationSize()).isEqualTo(150);
        assertThat(data.trainSize()).isEqualTo(450);
        assertThat(data.train().numExamples()).isEqualTo(450);
        assertThat(data.validation()).get().extracting(DataSet::numExamples).isEqualTo(150);
        assertThat(data.rawValidation().classCounts()).containsExactly(50, 50, 50);
        assertThat(data.rawTrain().classCounts()).containsExactly(150, 150, 150);
    }

    @Test
    void theTwoPartsTogetherAreExactlyTheGeneratedRows() {
        LoadedData data = Datasets.load(new DataSpec("moons", Map.of("samples", 101), 0.3, 9));
        List<String> all = rowsOf(data.raw());
        List<String> parts = new ArrayList<>(rowsOf(data.rawTrain()));
        parts.addAll(rowsOf(data.rawValidation()));
        assertThat(parts).containsExactlyInAnyOrderElementsOf(all);
        assertThat(data.validationSize()).isEqualTo(30);
    }

    @Test
    void aStratifiedSplitOfUnevenClassesStillTakesTheRequestedTotal() {
        LoadedData data = Datasets.load(new DataSpec("spiral", Map.of("samples", 103, "classes", 4), 0.2, 3));
        assertThat(data.validationSize()).isEqualTo(21);
        int[] counts = data.rawValidation().classCounts();
        assertThat(Arrays.stream(counts).min().getAsInt()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void regressionSplitTakesARandomSubset() {
        LoadedData data = Datasets.load(new DataSpec("sine", Map.of("samples", 200), 0.1, 3));
        assertThat(data.validationSize()).isEqualTo(20);
        assertThat(data.trainSize()).isEqualTo(180);
    }

    @Test
    void standardisesWithTrainingStatisticsOnly() {
        LoadedData data = Datasets.load(new DataSpec("moons", Map.of("samples", 500, "noise", 0.2), 0.3, 4));
        INDArray train = data.train().getFeatures();
        for (int column = 0; column < 2; column++) {
            INDArray c = train.getColumn(column);
            assertThat(c.meanNumber().doubleValue()).isCloseTo(0, within(1e-4));
            assertThat(c.stdNumber().doubleValue()).isCloseTo(1, within(1e-2));
        }
        // The validation part is transformed with the same mean and deviation, not its own.
        double[][] rawValidation = data.rawValidation().features();
        assertThat(data.normalizer()).isInstanceOf(NormalizerStandardize.class);
        INDArray mean = ((NormalizerStandardize) data.normalizer()).getMean();
        INDArray std = ((NormalizerStandardize) data.normalizer()).getStd();
        INDArray validation = data.validation().orElseThrow().getFeatures();
        for (int r = 0; r < rawValidation.length; r++) {
            for (int c = 0; c < 2; c++) {
                double expected = (rawValidation[r][c] - mean.getDouble(c)) / std.getDouble(c);
                assertThat(validation.getDouble(r, c)).isCloseTo(expected, within(1e-4));
            }
        }
        double[][] rawTrain = data.rawTrain().features();
        double trainMeanX = Arrays.stream(rawTrain).mapToDouble(p -> p[0]).average().orElseThrow();
        assertThat(mean.getDouble(0)).isCloseTo(trainMeanX, within(1e-5));
    }

    @Test
    void classificationLabelsAreOneHotInTheOrderOfTheRawRows() {
        LoadedData data = Datasets.load(new DataSpec("blobs", Map.of("samples", 90, "classes", 3), 0.2, 8));
        INDArray labels = data.train().getLabels();
        assertThat(labels.shape()).containsExactly(72, 3);
        assertThat(labels.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(data.train().getFeatures().dataType()).isEqualTo(DataType.FLOAT);
        for (int r = 0; r < 72; r++) {
            for (int k = 0; k < 3; k++) {
                assertThat(labels.getDouble(r, k)).isEqualTo(k == data.rawTrain().label(r) ? 1.0 : 0.0);
            }
        }
        assertThat(data.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(data.classCount()).isEqualTo(3);
        assertThat(data.outputSize()).isEqualTo(3);
        assertThat(data.inputShape()).isEqualTo(TensorShape.features(2));
        assertThat(data.classNames()).containsExactly("blob 1", "blob 2", "blob 3");
    }

    @Test
    void regressionTargetsAreTheRawValues() {
        LoadedData data = Datasets.load(new DataSpec("sine", Map.of("samples", 50), 0.2, 2));
        assertThat(data.task()).isEqualTo(Task.REGRESSION);
        assertThat(data.classCount()).isZero();
        assertThat(data.outputSize()).isEqualTo(1);
        assertThat(data.inputShape()).isEqualTo(TensorShape.features(1));
        INDArray targets = data.train().getLabels();
        assertThat(targets.shape()).containsExactly(40, 1);
        for (int r = 0; r < 40; r++) assertThat(targets.getDouble(r, 0)).isCloseTo(data.rawTrain().target(r, 0), within(1e-6));
    }

    @Test
    void irisLoadsAs4StandardisedFeaturesAnd3Classes() {
        LoadedData data = Datasets.load(new DataSpec("iris", Map.of(), 0.2, 1));
        assertThat(data.raw().size()).isEqualTo(150);
        assertThat(data.inputShape()).isEqualTo(TensorShape.features(4));
        assertThat(data.classCount()).isEqualTo(3);
        assertThat(data.validationSize()).isEqualTo(30);
        assertThat(data.rawValidation().classCounts()).containsExactly(10, 10, 10);
        assertThat(data.train().getLabels().shape()).containsExactly(120, 3);
    }

    @Test
    void sameSpecGivesIdenticalArraysAndAnotherSeedDifferentOnes() {
        DataSpec spec = new DataSpec("spiral", Map.of("samples", 200), 0.2, 21);
        LoadedData a = Datasets.load(spec);
        LoadedData b = Datasets.load(spec);
        LoadedData c = Datasets.load(new DataSpec("spiral", Map.of("samples", 200), 0.2, 22));
        assertThat(a.train().getFeatures()).isEqualTo(b.train().getFeatures());
        assertThat(a.train().getLabels()).isEqualTo(b.train().getLabels());
        assertThat(a.validation().orElseThrow().getFeatures()).isEqualTo(b.validation().orElseThrow().getFeatures());
        assertThat(a.train().getFeatures()).isNotEqualTo(c.train().getFeatures());
    }

    @Test
    void theSeedAloneDecidesTheRowsNotTheSplit() {
        LoadedData a = Datasets.load(new DataSpec("circles", Map.of("samples", 100), 0.1, 6));
        LoadedData b = Datasets.load(new DataSpec("circles", Map.of("samples", 100), 0.4, 6));
        assertThat(a.raw().features()).isDeepEqualTo(b.raw().features());
    }

    @Test
    void noValidationPartWhenTheSplitIsZero() {
        LoadedData data = Datasets.load(new DataSpec("xor", Map.of("samples", 40), 0, 1));
        assertThat(data.hasValidation()).isFalse();
        assertThat(data.validation()).isEmpty();
        assertThat(data.trainSize()).isEqualTo(40);
        assertThat(data.validationIterator(8).hasNext()).isFalse();
    }

    @Test
    void trainIteratorVisitsEveryRowOncePerPassInBatches() {
        LoadedData data = Datasets.load(new DataSpec("xor", Map.of("samples", 100), 0.2, 1));
        DataSetIterator it = data.trainIterator(32, true, 99);
        List<Integer> sizes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (it.hasNext()) {
            DataSet batch = it.next();
            sizes.add(batch.numExamples());
            seen.addAll(rowsOf(batch));
        }
        assertThat(sizes).containsExactly(32, 32, 16);
        assertThat(seen).isEqualTo(new HashSet<>(rowsOf(data.train())));
        assertThat(it.inputColumns()).isEqualTo(2);
        assertThat(it.totalOutcomes()).isEqualTo(2);
        assertThat(it.getLabels()).containsExactly("same sign", "opposite sign");
        assertThat(it.asyncSupported()).isFalse();
    }

    @Test
    void shuffledPassesDifferFromEachOtherButRepeatForTheSameSeed() {
        LoadedData data = Datasets.load(new DataSpec("circles", Map.of("samples", 60), 0.2, 1));
        List<List<String>> first = passes(data.trainIterator(16, true, 5), 3);
        List<List<String>> again = passes(data.trainIterator(16, true, 5), 3);
        List<List<String>> otherSeed = passes(data.trainIterator(16, true, 6), 3);

        assertThat(first).isEqualTo(again);
        assertThat(first.get(0)).isNotEqualTo(first.get(1));
        assertThat(first.get(1)).isNotEqualTo(first.get(2));
        assertThat(first.get(0)).isNotEqualTo(otherSeed.get(0));
        assertThat(first.get(0)).containsExactlyInAnyOrderElementsOf(rowsOf(data.train()));
        // The training data itself is left in its order.
        assertThat(rowsOf(data.train())).isEqualTo(rowsOf(Datasets.load(new DataSpec("circles", Map.of("samples", 60), 0.2, 1)).train()));
    }

    @Test
    void resetBeforeReadingDoesNotSkipAPass() {
        LoadedData data = Datasets.load(new DataSpec("circles", Map.of("samples", 60), 0.2, 1));
        DataSetIterator plain = data.trainIterator(16, true, 5);
        DataSetIterator eager = data.trainIterator(16, true, 5);
        eager.reset();
        eager.reset();
        assertThat(passes(eager, 2)).isEqualTo(passes(plain, 2));
    }

    @Test
    void unshuffledIteratorKeepsTheOrder() {
        LoadedData data = Datasets.load(new DataSpec("sine", Map.of("samples", 50), 0.2, 1));
        List<List<String>> p = passes(data.trainIterator(7, false, 5), 2);
        assertThat(p.get(0)).isEqualTo(rowsOf(data.train())).isEqualTo(p.get(1));
        assertThat(passes(data.validationIterator(4), 1).get(0)).isEqualTo(rowsOf(data.validation().orElseThrow()));
    }

    @Test
    void aPreProcessorDoesNotAlterTheLoadedData() {
        LoadedData data = Datasets.load(new DataSpec("xor", Map.of("samples", 40), 0.2, 1));
        List<String> before = rowsOf(data.train());
        DataSetIterator it = data.trainIterator(8, false, 1);
        it.setPreProcessor(ds -> ds.getFeatures().muli(100));
        DataSet batch = it.next();
        assertThat(batch.getFeatures().getDouble(0, 0)).isCloseTo(100 * data.train().getFeatures().getDouble(0, 0), within(1e-3));
        assertThat(rowsOf(data.train())).isEqualTo(before);
    }

    @Test
    void pointsInOriginalUnitsAreStandardisedForTheNetwork() {
        LoadedData data = Datasets.load(new DataSpec("blobs", Map.of("samples", 90), 0.2, 8));
        double[][] points = data.rawTrain().features();
        INDArray input = data.toNetworkInput(new double[][] {points[0], points[5]});
        assertThat(input.getDouble(0, 1)).isCloseTo(data.train().getFeatures().getDouble(0, 1), within(1e-5));
        assertThat(input.getDouble(1, 0)).isCloseTo(data.train().getFeatures().getDouble(5, 0), within(1e-5));
        assertThatThrownBy(() -> data.toNetworkInput(new double[][] {{1, 2, 3}})).hasMessageContaining("expected 2");
    }

    @Test
    void picturesAreLaidOutAsDl4jConvolutionsTakeThemAndScaledToOne() {
        LoadedData data = Datasets.load(new DataSpec("shapes", Map.of("samples", 40, "size", 8), 0.25, 3));
        INDArray train = data.train().getFeatures();

        assertThat(data.inputShape()).isEqualTo(TensorShape.image(8, 8, 1));
        assertThat(train.shape()).containsExactly(30, 1, 8, 8);
        assertThat(data.validation().orElseThrow().getFeatures().shape()).containsExactly(10, 1, 8, 8);
        assertThat(data.normalizer()).isInstanceOf(ImagePreProcessingScaler.class);
        for (int n = 0; n < 30; n++) {
            for (int row = 0; row < 8; row++) {
                for (int col = 0; col < 8; col++) {
                    assertThat(train.getDouble(n, 0, row, col)).as("picture %d at (%d, %d)", n, row, col)
                            .isCloseTo(data.rawTrain().feature(n, row * 8 + col) / 255, within(1e-6));
                }
            }
        }
    }

    @Test
    void aPixelSetAtRowAndColumnOfARawPictureLandsThereInTheNetworkInput() {
        LoadedData data = Datasets.load(new DataSpec("shapes", Map.of("samples", 40, "size", 8), 0.25, 3));
        double[] picture = new double[64];
        picture[2 * 8 + 5] = 255;
        picture[7 * 8 + 1] = 51;

        INDArray input = data.toNetworkInput(new double[][] {new double[64], picture});

        assertThat(input.shape()).containsExactly(2, 1, 8, 8);
        assertThat(input.getDouble(1, 0, 2, 5)).isEqualTo(1.0);
        assertThat(input.getDouble(1, 0, 7, 1)).isCloseTo(0.2, within(1e-6));
        assertThat(input.sumNumber().doubleValue()).isCloseTo(1.2, within(1e-6));
    }

    @Test
    void picturesComeInShuffledBatchesOfWholeImages() {
        LoadedData data = Datasets.load(new DataSpec("shapes", Map.of("samples", 50, "size", 8), 0.2, 3));
        DataSetIterator it = data.trainIterator(16, true, 4);
        List<String> seen = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        while (it.hasNext()) {
            DataSet batch = it.next();
            assertThat(batch.getFeatures().shape()).containsExactly(batch.numExamples(), 1, 8, 8);
            sizes.add((long) batch.numExamples());
            seen.addAll(picturesOf(batch));
        }
        assertThat(sizes).containsExactly(16L, 16L, 8L);
        assertThat(seen).isNotEqualTo(picturesOf(data.train())).containsExactlyInAnyOrderElementsOf(picturesOf(data.train()));
        assertThat(it.inputColumns()).isEqualTo(64);
        assertThat(it.getLabels()).containsExactly("circle", "square", "triangle", "cross");
    }

    @Test
    void picturesWithoutAValidationPartGiveAnEmptyValidationIterator() {
        LoadedData data = Datasets.load(new DataSpec("shapes", Map.of("samples", 20, "size", 8), 0, 3));
        DataSetIterator validation = data.validationIterator(8);
        assertThat(validation.hasNext()).isFalse();
        assertThat(validation.inputColumns()).isEqualTo(64);
    }

    /** Each picture with its label as one string: pixels in NCHW order, then the one-hot label. */
    private static List<String> picturesOf(DataSet ds) {
        List<String> pictures = new ArrayList<>();
        for (int n = 0; n < ds.numExamples(); n++) {
            double[] pixels = ds.getFeatures().get(NDArrayIndex.point(n)).dup().data().asDouble();
            pictures.add(Arrays.toString(pixels) + Arrays.toString(ds.getLabels().getRow(n).toDoubleVector()));
        }
        return pictures;
    }

    @Test
    void badInputIsADataExceptionNamingThePlace() {
        assertThatThrownBy(() -> Datasets.load(new DataSpec("xor", Map.of("samples", 2_000_000), 0.2, 1)))
                .isInstanceOf(DataException.class)
                .hasMessage("data.params.samples: is 2000000; must be a whole number from 10 to 1000000");
    }

    private static List<List<String>> passes(DataSetIterator it, int count) {
        List<List<String>> result = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            List<String> rows = new ArrayList<>();
            while (it.hasNext()) rows.addAll(rowsOf(it.next()));
            result.add(rows);
            it.reset();
        }
        return result;
    }

    /** Each row of features and labels as one string, to compare row sets and orders. */
    private static List<String> rowsOf(DataSet ds) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < ds.numExamples(); r++) {
            rows.add(Arrays.toString(ds.getFeatures().getRow(r).toDoubleVector()) + Arrays.toString(ds.getLabels().getRow(r).toDoubleVector()));
        }
        return rows;
    }

    private static List<String> rowsOf(RawDataset raw) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < raw.size(); r++) {
            double[] features = new double[raw.featureCount()];
            for (int c = 0; c < features.length; c++) features[c] = raw.feature(r, c);
            rows.add(Arrays.toString(features) + (raw.task() == Task.CLASSIFICATION ? raw.label(r) : raw.target(r, 0)));
        }
        return rows;
    }
}
