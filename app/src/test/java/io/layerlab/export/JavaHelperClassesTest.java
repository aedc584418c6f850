package io.layerlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The layer classes a generated file carries are LayerLab's own, word for word, with their imports. */
class JavaHelperClassesTest {
    private static final Path SOURCES = Path.of("src/main/java");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"io.layerlab.compile.layers.GruLayer", "io.layerlab.compile.layers.TokenEmbedding", "io.layerlab.compile.Maxout",
            "io.layerlab.compile.layers.FrozenBatchNormalization"})
    void theCopyIsTheSourceAsANestedStaticClassWithItsImports(String qualifiedName) throws IOException {
        String source = Files.readString(SOURCES.resolve(qualifiedName.replace('.', '/') + ".java"));
        String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);

        OwnClassSource copy = OwnClassSource.of(qualifiedName);

        assertThat(copy).isEqualTo(OwnClassSource.fromSource(source));
        assertThat(copy.nestedBody()).startsWith("\n    /**").contains("\n    public static ")
                .contains("class " + simpleName + " extends").doesNotContain("package ");
        assertThat(copy.nestedBody().lines().filter(l -> !l.isEmpty())).allMatch(l -> l.startsWith("    "));
        assertThat(copy.imports()).isNotEmpty().allMatch(i -> i.startsWith("java.") || i.startsWith("org."));
        for (String i : copy.imports()) assertThat(source).contains("import " + i + ";");
    }
}
