package io.layerlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkCopiesTest {
    @TempDir
    Path dir;

    @Test
    void aRememberedCopyIsLinkedNotWrittenAgain() throws IOException {
        Path saved = write(dir.resolve("project.layerlab.runs/run-1.zip"), "network 1");
        NetworkCopies copies = new NetworkCopies();
        copies.remember(saved);

        Path recovery = dir.resolve("recovery/abc.runs/run-1.zip");
        assertThat(copies.linkTo(recovery)).isTrue();

        assertThat(Files.readString(recovery)).isEqualTo("network 1");
        assertThat(Files.isSameFile(recovery, saved)).as("a hard link, not a second copy of the bytes").isTrue();
        assertThat(leftovers(recovery.getParent())).isEmpty();
    }

    @Test
    void aLinkReplacesWhatWasThereAndLeavesNoTemporaryName() throws IOException {
        Path saved = write(dir.resolve("a.runs/run-1.zip"), "this network");
        Path other = write(dir.resolve("b.runs/run-1.zip"), "another project's network");
        NetworkCopies copies = new NetworkCopies();
        copies.remember(saved);

        assertThat(copies.linkTo(other)).isTrue();

        assertThat(Files.readString(other)).isEqualTo("this network");
        assertThat(leftovers(other.getParent())).isEmpty();
    }

    @Test
    void linkingAFileOverItselfKeepsItAndLeavesNoTemporaryName() throws IOException {
        Path saved = write(dir.resolve("a.runs/run-1.zip"), "this network");
        NetworkCopies copies = new NetworkCopies();
        copies.remember(saved);

        assertThat(copies.linkTo(saved)).isTrue();

        assertThat(Files.readString(saved)).isEqualTo("this network");
        assertThat(leftovers(saved.getParent())).isEmpty();
    }

    @Test
    void aCopyReplacedSinceItWasRememberedDoesNotCount() throws IOException {
        Path saved = write(dir.resolve("a.runs/run-1.zip"), "this network");
        NetworkCopies copies = new NetworkCopies();
        copies.remember(saved);
        // Another project saved under the same name: a new file moved over this one, as ModelFiles.save does.
        Path replacement = write(dir.resolve("replacement.tmp"), "another network");
        Files.move(replacement, saved, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        Path target = dir.resolve("recovery/run-1.zip");
        assertThat(copies.linkTo(target)).isFalse();
        assertThat(target).doesNotExist();
    }

    @Test
    void aCopyTouchedSinceItWasRememberedDoesNotCount() throws IOException {
        Path saved = write(dir.resolve("a.runs/run-1.zip"), "this network");
        NetworkCopies copies = new NetworkCopies();
        copies.remember(saved);
        Files.setLastModifiedTime(saved, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        assertThat(copies.linkTo(dir.resolve("recovery/run-1.zip"))).isFalse();
    }

    @Test
    void aDeletedCopyDoesNotCountButAnotherStillDoes() throws IOException {
        Path first = write(dir.resolve("a.runs/run-1.zip"), "this network");
        NetworkCopies copies = new NetworkCopies();
        copies.remember(first);
        Path second = dir.resolve("recovery/run-1.zip");
        assertThat(copies.linkTo(second)).isTrue();
        Files.delete(second); // the recovery copy is discarded after a save

        Path third = dir.resolve("recovery2/run-1.zip");
        assertThat(copies.linkTo(third)).isTrue();
        assertThat(Files.isSameFile(third, first)).isTrue();
    }

    @Test
    void nothingRememberedMeansNothingLinked() {
        assertThat(new NetworkCopies().linkTo(dir.resolve("run-1.zip"))).isFalse();
        NetworkCopies missing = new NetworkCopies();
        missing.remember(dir.resolve("never-written.zip"));
        assertThat(missing.linkTo(dir.resolve("run-1.zip"))).isFalse();
        assertThat(dir.resolve("run-1.zip")).doesNotExist();
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static java.util.List<Path> leftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".")).toList();
        }
    }
}
