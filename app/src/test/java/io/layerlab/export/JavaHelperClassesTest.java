package io.layerlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The layer classes a generated file carries are LayerLab's own, word for word, with their imports. */
class JavaHelperClassesTest {
    private static final Path LAYERS = Path.of("src/main/java/io/layerlab/compile/layers");

    /** Each copied layer's text and imports, by class name. */
    private static final Map<String, Map.Entry<String, List<String>>> COPIES = Map.of(
            "GruLayer", Map.entry(JavaHelperClasses.GRU_LAYER, JavaHelperClasses.GRU_LAYER_IMPORTS),
            "TokenEmbedding", Map.entry(JavaHelperClasses.TOKEN_EMBEDDING, JavaHelperClasses.TOKEN_EMBEDDING_IMPORTS),
            "FrozenBatchNormalization", Map.entry(JavaHelperClasses.FROZEN_BATCH_NORMALIZATION,
                    JavaHelperClasses.FROZEN_BATCH_NORMALIZATION_IMPORTS));

    @ParameterizedTest(name = "{0}")
    @CsvSource({"GruLayer", "TokenEmbedding", "FrozenBatchNormalization"})
    void theCopyIsTheSourceAsANestedClass(String className) throws IOException {
        String source = Files.readString(LAYERS.resolve(className + ".java"));
        String body = source.substring(source.indexOf("\n/**") + 1)
                .replaceFirst("public class " + className + " extends", "public static class " + className + " extends");
        String nested = "\n" + body.lines().map(l -> l.isBlank() ? "" : "    " + l).collect(Collectors.joining("\n")) + "\n";
        String copy = COPIES.get(className).getKey();
        List<String> imports = COPIES.get(className).getValue();
        assertThat(copy).isEqualTo(nested);
        Matcher m = Pattern.compile("(?m)^import ([\\w.]+);").matcher(source);
        List<String> sourceImports = m.results().map(r -> r.group(1)).toList();
        assertThat(imports).containsExactlyElementsOf(sourceImports);
    }
}
