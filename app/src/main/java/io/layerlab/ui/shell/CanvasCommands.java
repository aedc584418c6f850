package io.layerlab.ui.shell;

import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import io.layerlab.ui.model.DesignDocument;

/** What the window asks of the canvas in its centre: the menu and toolbar commands that act on the view. */
interface CanvasCommands {
    Region view();
    void setDocument(DesignDocument document);
    void fitToView();
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void autoLayout();
    void selectAll();
    void deleteSelection();
    void copySelection();
    void paste();
    void duplicateSelection();
    void nudgeSelection(double dx, double dy);
    BooleanProperty snapToGridProperty();
    WritableImage snapshotDiagram();
    /** Adds a node with catalog defaults (overridden by {@code params}) at a point of the view, or its centre for null; selects it. */
    String addNodeAt(String type, Map<String, Object> params, Point2D canvasPoint);
}
