package io.layerlab.keras;

import static io.layerlab.keras.KerasModels.dense;
import static io.layerlab.keras.KerasModels.embedding;
import static io.layerlab.keras.KerasModels.input;
import static io.layerlab.keras.KerasModels.recurrent;
import static io.layerlab.keras.KerasModels.reshape;
import static io.layerlab.keras.KerasModels.weight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Node;
import io.layerlab.model.ModelFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Reshape LayerLab's Keras export puts before an Embedding goes again on import; any other Reshape is refused by name. */
class TokenIdReshapesTest {
    @TempDir Path dir;

    /** As the exported tokens-embedding script builds it: words (10, 1) -> Reshape (10,) -> Embedding -> GRU -> Dense. */
    @Test
    void theModelOfTheExportedTokensEmbeddingScriptOpensAsTheProjectItCameFrom() throws Exception {
        Random r = new Random(8);
        ObjectNode embed = embedding("embed", 20, 8, 10);
        ((ObjectNode) embed.get("config")).putNull("input_length");
        Path h5 = dir.resolve("tokens.h5");
        new KerasH5Writer()
                .modelConfig(new KerasModels.Functional("word_order")
                        .add(input("words", 10, 1))
                        .add(reshape("embed_ids", 10), "words")
                        .add(embed, "embed_ids")
                        .add(recurrent("GRU", "gru", 16, false), "embed")
                        .add(dense("out", 2, "softmax"), "gru")
                        .json(new String[] {"words"}, new String[] {"out"}))
                // Keras writes a group for every layer; those without weights have none in it.
                .weights("words").weights("embed_ids")
                .weights("embed", weight("embeddings", r, 20, 8))
                .weights("gru", weight("kernel", r, 8, 48), weight("recurrent_kernel", r, 16, 48), weight("bias", r, 48))
                .weights("out", weight("kernel", r, 16, 2), weight("bias", r, 2))
                .write(h5);

        ImportedModel imported = KerasImporter.importModel(h5);

        assertThat(imported.project().graph().nodes()).extracting(Node::id, Node::type).containsExactly(
                Tuple.tuple("words", "Input"), Tuple.tuple("embed", "Embedding"), Tuple.tuple("gru", "GRU"), Tuple.tuple("out", "Output"));
        assertThat(imported.project().graph().node("words").orElseThrow().param("shape")).isEqualTo(List.of(10, 1));
        assertThat(imported.project().graph().edges()).containsExactly(new Edge("words", "embed"), new Edge("embed", "gru"),
                new Edge("gru", "out"));
        assertThat(imported.notes()).anyMatch(n -> n.contains("'embed_ids'") && n.contains("'embed'") && n.contains("'words' directly"));
        WeightTransfer.Compiled compiled = WeightTransfer.compile(imported, h5);
        assertThat(compiled.transfer().copied()).containsExactly("embed", "gru", "out");
        assertThat(compiled.largestDifference()).as("outputs on random token ids, imported vs compiled").isLessThan(1e-4);
    }

    @Test
    void aReshapeThatDoesMoreThanDropAnAxisBeforeAnEmbeddingIsNamedAsUnsupported() throws Exception {
        Path h5 = dir.resolve("reshapes.h5");
        new KerasH5Writer().modelConfig(new KerasModels.Functional("two")
                        .add(input("grid", 4, 3))
                        .add(reshape("flatten_grid", 12), "grid")
                        .add(input("ids", 6, 1))
                        .add(reshape("ids_flat", 6), "ids")
                        .add(KerasModels.merge("Concatenate", "joined"), "flatten_grid", "ids_flat")
                        .add(dense("out", 2, "softmax"), "joined")
                        .json(new String[] {"grid", "ids"}, new String[] {"out"}))
                .write(h5);

        assertThatThrownBy(() -> KerasImporter.importModel(h5)).isInstanceOf(ModelFileException.class)
                .hasMessageContainingAll("reshapes.h5 cannot be imported:",
                        "\n  layer 'flatten_grid' (Reshape) is not supported",
                        "\n  layer 'ids_flat' (Reshape) is not supported",
                        "LayerLab supports: ", "Reshape (of an Input's token ids, only to feed Embeddings)");
    }
}
