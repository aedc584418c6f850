package io.layerlab.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chain of {@link ProjectMigration}s that brings an older file up to the version the
 * reader understands. Format version 1 is the first, so the standard chain is empty today.
 */
public final class ProjectMigrations {
    private final int currentVersion;
    private final Map<Integer, ProjectMigration> byFromVersion = new HashMap<>();

    /**
     * @param currentVersion the version the reader understands
     * @param migrations     one per version step below {@code currentVersion}
     */
    public ProjectMigrations(int currentVersion, List<ProjectMigration> migrations) {
        this.currentVersion = currentVersion;
        for (ProjectMigration m : migrations) {
            if (m.fromVersion() >= currentVersion) {
                throw new IllegalArgumentException("a migration from version " + m.fromVersion()
                        + " cannot lead up to version " + currentVersion);
            }
            if (byFromVersion.put(m.fromVersion(), m) != null) {
                throw new IllegalArgumentException("two migrations from version " + m.fromVersion());
            }
        }
    }

    /** The migrations this program ships with, up to {@link ProjectFormat#CURRENT_VERSION}. */
    public static ProjectMigrations standard() {
        return new ProjectMigrations(ProjectFormat.CURRENT_VERSION, List.of());
    }

    public int currentVersion() { return currentVersion; }

    /**
     * Rewrites {@code root} from {@code version} up to the current version and sets its version
     * field accordingly. Returns the version that has no way forward when a step is missing.
     */
    Optional<Integer> upgrade(ObjectNode root, int version) {
        for (int v = version; v < currentVersion; v++) {
            ProjectMigration step = byFromVersion.get(v);
            if (step == null) return Optional.of(v);
            step.migrate(root);
            root.put("version", v + 1);
        }
        return Optional.empty();
    }
}
