package io.layerlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The layer classes a generated file carries are LayerLab's own, word for word, with their imports. */
class JavaHelperClassesTest {
    private static final Path LAYERS = Path.of("src/main/java/io/layerlab/compile/layers");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"GruLayer", "TokenEmbedding"})
    void theCopyIsTheSourceAsANestedClass(String className) throws IOException {
        String source = Files.readString(LAYERS.resolve(className + ".java"));
        String body = source.substring(source.indexOf("\n/**") + 1)
                .replaceFirst("public class " + className + " extends", "public static class " + className + " extends");
        String nested = "\n" + body.lines().map(l -> l.isBlank() ? "" : "    " + l).collect(Collectors.joining("\n")) + "\n";
        String copy = className.equals("GruLayer") ? JavaHelperClasses.GRU_LAYER : JavaHelperClasses.TOKEN_EMBEDDING;
        List<String> imports = className.equals("GruLayer") ? JavaHelperClasses.GRU_LAYER_IMPORTS : JavaHelperClasses.TOKEN_EMBEDDING_IMPORTS;
        assertThat(copy).isEqualTo(nested);
        Matcher m = Pattern.compile("(?m)^import ([\\w.]+);").matcher(source);
        List<String> sourceImports = m.results().map(r -> r.group(1)).toList();
        assertThat(imports).containsExactlyElementsOf(sourceImports);
    }
}
