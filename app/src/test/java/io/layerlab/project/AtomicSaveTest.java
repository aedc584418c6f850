package io.layerlab.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerlab.graph.AddNode;
import io.layerlab.graph.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicSaveTest {
    @TempDir Path dir;

    private final ProjectWriter writer = new ProjectWriter();

    private Project project(String name) {
        Project p = ProjectDefaults.newProject();
        p.setName(name);
        new AddNode(new Node("in", "Input", 40, 120, Map.of("shape", java.util.List.of(2)))).apply(p.graph());
        return p;
    }

    private long filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) { return s.count(); }
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOriginalAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("net.layerlab.json");
        writer.save(project("original"), file);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write("{\"format\": \"layerlab-pro".getBytes());
            throw new IOException("No space left on device");
        })).isInstanceOf(IOException.class).hasMessage("No space left on device");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesIn(dir)).isEqualTo(1);
        assertThat(new ProjectReader().read(file).name()).isEqualTo("original");
    }

    @Test
    void aProjectTheFileCannotHoldIsRefusedBeforeTheFileIsTouched() throws Exception {
        Path file = dir.resolve("net.layerlab.json");
        writer.save(project("original"), file);
        byte[] before = Files.readAllBytes(file);
        Project bad = project("bad");
        new io.layerlab.graph.SetParam("in", "scale", Double.NaN).apply(bad.graph());

        assertThatThrownBy(() -> writer.save(bad, file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node in params.scale is NaN, which a project file cannot hold");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void savingReplacesTheContentAndCreatesMissingFolders() throws Exception {
        Path file = dir.resolve("projects/new/net.layerlab.json");
        writer.save(project("first"), file);
        writer.save(project("second"), file);

        assertThat(new ProjectReader().read(file).name()).isEqualTo("second");
        assertThat(filesIn(file.getParent())).isEqualTo(1);
    }

    @Test
    void savingThroughASymbolicLinkKeepsTheLinkAndThePermissions() throws Exception {
        Path real = dir.resolve("real.layerlab.json");
        writer.save(project("first"), real);
        boolean posix = Files.getFileStore(real).supportsFileAttributeView("posix");
        if (posix) Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("link.layerlab.json"), real);

        writer.save(project("second"), link);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(new ProjectReader().read(real).name()).isEqualTo("second");
        if (posix) assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-r-----");
    }
}
