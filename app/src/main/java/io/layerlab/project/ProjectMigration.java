package io.layerlab.project;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rewrites a project file's JSON tree from one format version to the next, in place, before
 * it is read. When format version 2 arrives, the change from 1 to 2 is written as one of
 * these and added to {@link ProjectMigrations#standard()}; the reader then opens old files
 * as if they had been written in the current version.
 */
public interface ProjectMigration {
    /** The version this migration reads; it produces {@code fromVersion() + 1}. */
    int fromVersion();

    /** Rewrites {@code root} (which still says {@code "version": fromVersion()}); the caller updates the version field. */
    void migrate(ObjectNode root);
}
