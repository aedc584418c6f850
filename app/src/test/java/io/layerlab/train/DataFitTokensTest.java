package io.layerlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.data.DataSpec;
import io.layerlab.data.Datasets;
import io.layerlab.data.LoadedData;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Token ids meet an Embedding that holds them all; measured values never meet one. */
class DataFitTokensTest {
    private static final LoadedData TOKENS = Datasets.load(new DataSpec("tokens", Map.of("samples", 40, "steps", 6, "vocabulary", 12), 0.2, 1));

    private static Graph graph(int steps, String firstLayer, Map<String, Object> firstParams) {
        return Graph.of(List.of(
                        Node.of("ids", "Input", Map.of("shape", List.of(steps, 1))),
                        Node.of("first", firstLayer, firstParams),
                        Node.of("rnn", "GRU", Map.of("units", 4)),
                        Node.of("out", "Output", Map.of("units", 2))),
                List.of(new Edge("ids", "first"), new Edge("first", "rnn"), new Edge("rnn", "out")));
    }

    @Test
    void anEmbeddingHoldingEveryIdFits() {
        assertThat(DataFit.check(graph(6, "Embedding", Map.of("vocabulary", 12, "units", 3)), TOKENS)).isEmpty();
    }

    @Test
    void aVocabularyTooSmallForTheIdsInTheDataIsAnErrorOnTheVocabulary() {
        int largest = TOKENS.raw().largestTokenId();
        List<Diagnostic> problems = DataFit.check(graph(6, "Embedding", Map.of("vocabulary", largest, "units", 3)), TOKENS);
        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.nodeId()).isEqualTo("first");
            assertThat(d.param()).isEqualTo("vocabulary");
            assertThat(d.message()).isEqualTo("Embedding 'first' has a vocabulary of " + largest + " (ids 0 to " + (largest - 1)
                    + "), but the data 'tokens' holds token ids up to " + largest);
            assertThat(d.hint()).isEqualTo("set vocabulary to at least " + (largest + 1));
        });
    }

    @Test
    void measuredValuesFedToAnEmbeddingAreAnError() {
        LoadedData waves = Datasets.load(new DataSpec("waves", Map.of("samples", 40, "steps", 8, "classes", 2), 0.2, 1));
        List<Diagnostic> problems = DataFit.check(graph(8, "Embedding", Map.of("vocabulary", 12, "units", 3)), waves);
        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.nodeId()).isEqualTo("first");
            assertThat(d.message()).contains("looks up token ids", "'waves' gives measured values");
        });
    }

    @Test
    void tokenIdsFedStraightIntoARecurrentLayerAreWarnedAbout() {
        List<Diagnostic> problems = DataFit.check(graph(6, "LSTM", Map.of("units", 3, "returnSequences", true)), TOKENS);
        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.nodeId()).isEqualTo("first");
            assertThat(d.hint()).isEqualTo("put an Embedding between Input 'ids' and it");
        });
    }
}
