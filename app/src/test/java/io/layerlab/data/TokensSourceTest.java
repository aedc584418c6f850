package io.layerlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.data.TokensSource.Meaning;
import io.layerlab.shape.TensorShape;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class TokensSourceTest {
    private static RawDataset generate(Map<String, Object> params) {
        return DataSources.generate(new DataSpec("tokens", params, 0.2, 4));
    }

    @Test
    void defaultsAreAThousandSentencesOfTenWordIdsHalfPositive() {
        RawDataset data = generate(Map.of());
        assertThat(data.size()).isEqualTo(1000);
        assertThat(data.exampleShape()).isEqualTo(TensorShape.sequence(10, 1));
        assertThat(data.isTokens()).isTrue();
        assertThat(data.vocabulary()).isEqualTo(20);
        assertThat(data.classNames()).containsExactly("negative", "positive");
        assertThat(data.classCounts()).containsExactly(500, 500);
    }

    @Test
    void theLabelIsTheSentimentWordFlippedByANotStraightBeforeIt() {
        int vocabulary = 12;
        RawDataset data = generate(Map.of("vocabulary", vocabulary, "steps", 6, "samples", 400));
        int negated = 0;
        int notElsewhere = 0;
        for (int r = 0; r < data.size(); r++) {
            double[] row = data.features()[r];
            int sentiment = -1;
            int nots = 0;
            for (int t = 0; t < row.length; t++) {
                assertThat(row[t]).isBetween(0.0, vocabulary - 1.0).isEqualTo(Math.rint(row[t]));
                Meaning m = TokensSource.meaning((int) row[t], vocabulary);
                if (m == Meaning.POSITIVE || m == Meaning.NEGATIVE) {
                    assertThat(sentiment).as("one sentiment word per sentence").isEqualTo(-1);
                    sentiment = t;
                }
                if (m == Meaning.NOT) nots++;
            }
            boolean flipped = sentiment > 0 && row[sentiment - 1] == TokensSource.NOT;
            boolean positive = TokensSource.meaning((int) row[sentiment], vocabulary) == Meaning.POSITIVE;
            assertThat(data.label(r) == 1).as("sentence %d", r).isEqualTo(positive != flipped);
            if (flipped) negated++;
            if (nots > (flipped ? 1 : 0)) notElsewhere++;
        }
        // Both kinds of "not" are common, so its presence alone does not tell the class.
        assertThat(negated).isBetween(150, 250);
        assertThat(notElsewhere).isBetween(150, 250);
    }

    @Test
    void tokenIdsReachTheNetworkUnchanged() {
        LoadedData data = Datasets.load(new DataSpec("tokens", Map.of("samples", 50, "steps", 5), 0.2, 3));
        INDArray features = data.train().getFeatures();
        assertThat(features.shape()).containsExactly(40, 1, 5);
        double[] raw = data.rawTrain().features()[7];
        for (int t = 0; t < 5; t++) assertThat(features.getDouble(7, 0, t)).isEqualTo(raw[t]);
        INDArray input = data.toNetworkInput(new double[][] {raw});
        for (int t = 0; t < 5; t++) assertThat(input.getDouble(0, 0, t)).isEqualTo(raw[t]);
    }
}
