package io.layerlab.keras;

import io.layerlab.project.Project;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A Keras model opened in LayerLab: the project (graph mapped to LayerLab's layers, laid out left
 * to right; data section a placeholder; training settings from the model where it has them), the
 * network DL4J imported with the trained weights, and notes on anything the person should know
 * (settings that became LayerLab's, behaviour that differs slightly).
 *
 * <p>The network's vertices carry the Keras layer names, which are also the project's node ids,
 * so {@link WeightTransfer} can move the weights into the network compiled from the project.
 */
public record ImportedModel(Project project, ComputationGraph network, List<String> notes) {
    public ImportedModel {
        notes = List.copyOf(notes);
    }
}
