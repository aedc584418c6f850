/**
 * The project file (format version 1, see DESIGN.md): reading, writing, migrating, recovery
 * copies, the recent-files list and the bundled samples. No JavaFX here.
 *
 * <ul>
 *   <li>{@link io.layerlab.project.ProjectReader} / {@link io.layerlab.project.ProjectWriter}:
 *       file to {@link io.layerlab.project.Project} and back. Errors are
 *       {@link io.layerlab.project.ProjectFileException}s naming the file, line and column, the JSON
 *       path and what would be valid.</li>
 *   <li>Unknown fields survive a re-save at every level. Top level, "graph", data and training
 *       keep them in {@code extras} maps; each node in {@link io.layerlab.graph.Node#extras()} (so
 *       they follow the node through moves, parameter edits and undo); each wire in
 *       {@link io.layerlab.project.Project#edgeExtras()}, keyed by the wire. Unknown layer and data
 *       parameters are simply parameters.</li>
 *   <li>Layer parameters are kept with their raw JSON types (Integer, Long for whole numbers beyond
 *       int, Double, Boolean, String, List, Map, null); the shape check judges them against the
 *       catalog. Structural fields (ids, types, positions, wires, data and training settings) are
 *       checked on reading.</li>
 *   <li>Versions: 1 is the first. A newer version is refused; a version below 1 is refused as never
 *       written; older versions, once there are any, go through {@link io.layerlab.project.ProjectMigrations}.</li>
 *   <li>Defaults for missing pieces: {@link io.layerlab.project.ProjectDefaults}.</li>
 *   <li>Every file this package writes goes through {@link io.layerlab.project.AtomicFile}.</li>
 * </ul>
 */
package io.layerlab.project;
