package io.layerlab.ui.support;

import javafx.scene.input.DataFormat;

/** Clipboard and drag-and-drop formats shared by the palette and the canvas. */
public final class DragFormats {
    /** A catalog layer type (e.g. "Dense") dragged from the palette. */
    public static final DataFormat LAYER_TYPE = new DataFormat("application/x-layerlab-layer-type");
    /** An activation function name dragged from the palette's Activations group (becomes an Activation node). */
    public static final DataFormat ACTIVATION = new DataFormat("application/x-layerlab-activation");
    /** Copied nodes and the wires between them, as project-file JSON ({"nodes":[...],"edges":[...]}). */
    public static final DataFormat NODES = new DataFormat("application/x-layerlab-nodes");

    private DragFormats() { }
}
