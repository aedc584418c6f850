package io.layerlab.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {
    @TempDir Path dir;

    private Path project(String name) throws Exception {
        return Files.writeString(dir.resolve(name), "{}");
    }

    @Test
    void mostRecentFirstWithoutDuplicatesAndPersisted() throws Exception {
        Path a = project("a.layerlab.json");
        Path b = project("b.layerlab.json");
        Path store = dir.resolve("settings/recent.json");
        RecentFiles recent = new RecentFiles(store);

        recent.add(a);
        recent.add(b);
        recent.add(a);

        assertThat(recent.list()).containsExactly(a, b);
        assertThat(new RecentFiles(store).list()).containsExactly(a, b);
    }

    @Test
    void keepsAtMostTen() throws Exception {
        RecentFiles recent = new RecentFiles(dir.resolve("recent.json"));
        List<Path> added = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Path p = project("p" + i + ".layerlab.json");
            added.add(0, p);
            recent.add(p);
        }

        assertThat(recent.list()).hasSize(RecentFiles.MAX).containsExactlyElementsOf(added.subList(0, 10));
    }

    @Test
    void missingFilesAreDroppedAndRemoveAndClearWork() throws Exception {
        Path a = project("a.layerlab.json");
        Path b = project("b.layerlab.json");
        Path c = project("c.layerlab.json");
        RecentFiles recent = new RecentFiles(dir.resolve("recent.json"));
        recent.add(a);
        recent.add(b);
        recent.add(c);

        Files.delete(b);
        assertThat(recent.list()).containsExactly(c, a);

        recent.remove(c);
        assertThat(recent.list()).containsExactly(a);
        recent.clear();
        assertThat(recent.list()).isEmpty();
    }

    @Test
    void relativePathsAreStoredAbsolute() throws Exception {
        Path a = project("a.layerlab.json");
        RecentFiles recent = new RecentFiles(dir.resolve("recent.json"));
        recent.add(Path.of("").toAbsolutePath().relativize(a));

        assertThat(recent.list()).containsExactly(a);
        assertThat(Files.readString(dir.resolve("recent.json"))).contains(a.toString());
    }

    @Test
    void aDamagedStoreCountsAsEmptyAndIsRepairedOnTheNextAdd() throws Exception {
        Path store = Files.writeString(dir.resolve("recent.json"), "{ damaged");
        RecentFiles recent = new RecentFiles(store);
        assertThat(recent.list()).isEmpty();

        Path a = project("a.layerlab.json");
        recent.add(a);
        assertThat(new RecentFiles(store).list()).containsExactly(a);
    }
}
