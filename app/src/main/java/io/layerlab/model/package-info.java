/**
 * Trained models as files: DL4J model zips in and out, and predictions from them. Headless and
 * free of JavaFX.
 *
 * <ul>
 *   <li>{@link io.layerlab.model.ModelFiles#load}: a model zip, checked before DL4J reads it
 *       (entry names that would escape a folder, entry count, declared and actually inflated sizes
 *       against {@link io.layerlab.model.ModelFiles.Limits}, checksums, truncation), then restored with
 *       {@code ModelSerializer} as a plain DL4J program would. Every failure is one
 *       {@link io.layerlab.model.ModelFileException} naming the file and the problem; nothing is written.</li>
 *   <li>{@link io.layerlab.model.ModelFiles#save}: network, normaliser and description, atomically.</li>
 *   <li>{@link io.layerlab.model.ModelInfo}: the extra {@code layerlab.json} entry (project, task, input
 *       shape, feature, class and target names). DL4J ignores it; the zip stays a plain DL4J model.</li>
 *   <li>{@link io.layerlab.model.Predictor} with {@link io.layerlab.model.CsvRows}: raw rows (images
 *       flattened channels last, sequences step by step) through the saved normaliser and the network.</li>
 *   <li>{@link io.layerlab.model.ImageClassifier}: a drawn picture ({@link io.layerlab.data.PictureInput}) through an
 *       image network with its normaliser, as named {@link io.layerlab.model.ClassProbabilities}: the drawing pad's core.</li>
 * </ul>
 */
package io.layerlab.model;
