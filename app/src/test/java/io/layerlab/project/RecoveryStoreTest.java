package io.layerlab.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.AddNode;
import io.layerlab.graph.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryStoreTest {
    @TempDir Path dir;

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2025-03-01T10:05:00Z");

    private RecoveryStore storeAt(Instant now) {
        return new RecoveryStore(dir.resolve("recovery"), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Project project(String name, int units) {
        Project p = ProjectDefaults.newProject();
        p.setName(name);
        p.extras().put("futureField", List.of(1, 2));
        new AddNode(new Node("d", "Dense", 220, 120, Map.of("units", units), Map.of("color", "red"))).apply(p.graph());
        return p;
    }

    @Test
    void copiesAreListedNewestFirstWithTimeAndOriginalFileAndOpenIntact() throws Exception {
        Path saved = dir.resolve("work/net.layerlab.json");
        RecoverySlot savedSlot = storeAt(T0).slotFor(saved);
        storeAt(T0).save(savedSlot, project("Saved net", 8));
        RecoverySlot untitled = storeAt(T1).untitledSlot();
        storeAt(T1).save(untitled, project("Untitled net", 16));

        List<RecoveryEntry> entries = storeAt(T1).list();

        assertThat(entries).extracting(RecoveryEntry::projectName).containsExactly("Untitled net", "Saved net");
        assertThat(entries).extracting(RecoveryEntry::savedAt).containsExactly(T1, T0);
        assertThat(entries.get(0).originalFile()).isEmpty();
        assertThat(entries.get(1).originalFile()).contains(saved.toAbsolutePath().normalize());
        assertThat(entries.get(1).slot()).isEqualTo(savedSlot);

        Project recovered = storeAt(T1).open(entries.get(1));
        assertThat(recovered.graph().node("d").orElseThrow()).isEqualTo(project("x", 8).graph().node("d").orElseThrow());
        assertThat(recovered.extras()).containsEntry("futureField", List.of(1, 2));
    }

    @Test
    void savingAgainReplacesTheDocumentsCopyAndDiscardRemovesIt() throws Exception {
        RecoveryStore store = storeAt(T0);
        RecoverySlot slot = store.slotFor(dir.resolve("net.layerlab.json"));
        store.save(slot, project("v1", 8));
        store.save(store.slotFor(dir.resolve("./net.layerlab.json")), project("v2", 8));

        assertThat(store.list()).extracting(RecoveryEntry::projectName).containsExactly("v2");

        store.discard(slot);
        assertThat(store.list()).isEmpty();
        store.discard(slot);
    }

    @Test
    void whatIsKeptBesideACopyGoesWithItAndNothingOfAnotherSlot() throws Exception {
        RecoveryStore store = storeAt(T0);
        RecoverySlot slot = store.slotFor(dir.resolve("net.layerlab.json"));
        RecoverySlot other = store.untitledSlot();
        store.save(slot, project("mine", 8));
        store.save(other, project("other", 8));
        Path runs = Files.writeString(store.sidecar(slot, ".runs.json"), "{}");
        Path networks = Files.createDirectories(store.sidecar(slot, ".runs"));
        Files.writeString(networks.resolve("run-1.zip"), "zip");
        Path othersRuns = Files.writeString(store.sidecar(other, ".runs.json"), "{}");

        store.discard(slot);

        assertThat(runs).doesNotExist();
        assertThat(networks).doesNotExist();
        assertThat(othersRuns).exists();
        assertThat(store.list()).extracting(RecoveryEntry::projectName).containsExactly("other");
    }

    @Test
    void anEmptyOrMissingFolderHasNothingToRecoverAndForeignFilesAreLeftAlone() throws Exception {
        assertThat(storeAt(T0).list()).isEmpty();

        Path folder = dir.resolve("recovery");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("junk.recovery.json"), "{ not json");
        Files.writeString(folder.resolve("other.recovery.json"), "{\"format\": \"something-else\"}");
        storeAt(T0).save(storeAt(T0).untitledSlot(), project("real", 4));

        assertThat(storeAt(T0).list()).extracting(RecoveryEntry::projectName).containsExactly("real");
        assertThat(folder.resolve("junk.recovery.json")).exists();
    }

    @Test
    void defaultFolderIsUnderTheUsersHome() {
        assertThat(RecoveryStore.defaultFolder()).isEqualTo(Path.of(System.getProperty("user.home"), ".layerlab", "recovery"));
    }
}
