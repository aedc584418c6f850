/**
 * The network in the forms people use outside LayerLab. Headless and free of JavaFX, so the
 * command line uses it as the designer does.
 *
 * <ul>
 *   <li>{@link io.layerlab.export.KerasScriptExporter}: a tf.keras functional-API script with the
 *       optimiser, learning rate and loss; its weights count equals the shape check's under Keras'
 *       layer semantics ({@code KerasParamCounter}).</li>
 *   <li>{@link io.layerlab.export.JavaSourceExporter}: a self-contained Java class whose
 *       {@code configuration()} equals the compiler's DL4J configuration (JSON equality).</li>
 *   <li>{@link io.layerlab.export.DiagramExporter}: the diagram as SVG, or PNG drawn with Java2D.</li>
 *   <li>{@link io.layerlab.export.ModelCardExporter}: a Markdown model card.</li>
 * </ul>
 *
 * <p>Every exporter of a project first runs the shape check ({@code NetworkPlan}); a network with errors is
 * refused with an {@link io.layerlab.export.ExportException} listing every problem, before
 * anything is written. Files are written atomically, so a failed export leaves no partial file.
 * Like the compiler, exporters build only the nodes that lead to an output.
 *
 * <p>Tests compare the text exports with golden files under {@code app/src/test/resources/golden/};
 * after a deliberate change, regenerate them and review the diff:
 * {@code mvn -B -o test -Dtest='io.layerlab.export.*Test' -Dlayerlab.updateGolden=true}.
 */
package io.layerlab.export;
