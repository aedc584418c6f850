package io.layerlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Expected exporter output kept under src/test/resources/golden/. After a deliberate change to
 * an exporter, regenerate them and review the diff:
 * <pre>mvn -B -o test -Dtest='io.layerlab.export.*Test' -Dlayerlab.updateGolden=true</pre>
 */
final class GoldenFiles {
    static final String UPDATE_PROPERTY = "layerlab.updateGolden";
    private static final Path FOLDER = Path.of("src", "test", "resources", "golden");

    private GoldenFiles() { }

    static void assertMatches(String relativePath, String actual) throws IOException {
        Path file = FOLDER.resolve(relativePath);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden file " + file.toAbsolutePath() + "; create it with -D" + UPDATE_PROPERTY + "=true and review it");
        }
        assertThat(actual).as("exported text against %s (regenerate with -D%s=true after a deliberate change)", file, UPDATE_PROPERTY)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
