/**
 * Keras models into LayerLab. {@link io.layerlab.keras.KerasImporter} opens a Keras 2 {@code .h5}
 * (Sequential or functional) as a project whose node ids are the Keras layer names, with the
 * weights in the network DL4J's Keras import builds; {@link io.layerlab.keras.WeightTransfer} moves
 * those weights into the network compiled from the project and makes them the project's initial
 * weights ({@link io.layerlab.project.Project#initialWeights()}, saved beside the project file), so
 * training starts where Keras stopped.
 *
 * <p>What is tested, and how: the tests write .h5 files with the HDF5 Java bindings DL4J already
 * depends on, laid out as Keras 2.2 / tf.keras write a whole model (root attributes model_config,
 * training_config, keras_version, backend, fixed- or variable-length strings; weights under
 * {@code /model_weights/<layer>/<layer>/<name>:0} with {@code weight_names} attributes). Files made by
 * a real Keras installation were not available (no Python or network here); the layout follows
 * Keras' {@code save_model} and what DL4J's importer reads.
 */
package io.layerlab.keras;
