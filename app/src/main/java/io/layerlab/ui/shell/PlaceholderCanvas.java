package io.layerlab.ui.shell;

import io.layerlab.graph.AddNode;
import io.layerlab.graph.RemoveNodes;
import java.util.Map;
import io.layerlab.graph.Node;
import io.layerlab.ui.model.DesignDocument;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/** Stands in the canvas slot until the graph canvas is merged: an empty pane with the selection commands. */
final class PlaceholderCanvas implements CanvasCommands {
    private final Pane pane = new Pane();
    private final BooleanProperty snap = new SimpleBooleanProperty(true);
    private DesignDocument document;

    @Override public Region view() { return pane; }
    @Override public void setDocument(DesignDocument document) { this.document = document; }
    @Override public void fitToView() { }
    @Override public void zoomIn() { }
    @Override public void zoomOut() { }
    @Override public void resetZoom() { }
    @Override public void autoLayout() { }
    @Override public void selectAll() { document.graph().nodes().forEach(n -> document.selection().add(n.id())); }
    @Override public void deleteSelection() {
        if (!document.selection().isEmpty()) document.execute(new RemoveNodes(document.selection()));
    }
    @Override public void copySelection() { }
    @Override public void paste() { }
    @Override public void duplicateSelection() { }
    @Override public void nudgeSelection(double dx, double dy) { }
    @Override public BooleanProperty snapToGridProperty() { return snap; }
    @Override public WritableImage snapshotDiagram() { return pane.snapshot(null, null); }
    @Override public String addNodeAt(String type, Map<String, Object> params, Point2D canvasPoint) {
        double x = 40;
        double y = 40;
        for (Node n : document.graph().nodes()) { x = Math.max(x, n.x() + 180); y = n.y(); }
        String id = document.graph().freshId(type.equals("Activation") ? String.valueOf(params.get("function")) : type);
        document.execute(new AddNode(new Node(id, type, x, y, params)));
        document.selection().clear();
        document.selection().add(id);
        return id;
    }
}
