package io.layerlab.ui.canvas;

import io.layerlab.graph.Node;

/** Makes the skin for a node: a pill for Activation nodes, a card for every other layer. */
final class NodeViewFactory {
    private NodeViewFactory() { }

    static NodeView create(Node node) {
        return node.type().equals("Activation") ? new ActivationPillView(node) : new LayerCardView(node);
    }
}
