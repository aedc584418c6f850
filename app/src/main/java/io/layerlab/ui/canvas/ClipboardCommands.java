package io.layerlab.ui.canvas;

import io.layerlab.graph.Node;
import io.layerlab.ui.support.DragFormats;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;

/**
 * Copy, paste and duplicate on the canvas. Copies go to the system clipboard as {@link
 * DragFormats#NODES} (and as plain text, the same JSON); pasted nodes get fresh ids, land offset
 * from the originals (further with each paste of the same copy) or in the middle of the view
 * when the originals are out of sight, and become the selection. Each is one undo step.
 */
final class ClipboardCommands {
    private static final double OFFSET = 2 * GraphCanvas.GRID;
    /** Size assumed for a copied node when placing a paste (the views are not at hand). */
    private static final double NODE_WIDTH = 180;
    private static final double NODE_HEIGHT = 80;

    private final GraphCanvas canvas;
    private String lastPasted;
    private int pasteCount;

    ClipboardCommands(GraphCanvas canvas) { this.canvas = canvas; }

    /** A new document: the next paste starts at the first offset again. */
    void forget() {
        lastPasted = null;
        pasteCount = 0;
    }

    void copy() {
        NodeSnippet snippet = NodeSnippet.of(canvas.document().graph(), canvas.document().selection());
        if (snippet.isEmpty()) {
            canvas.setStatus("Select nodes to copy.");
            return;
        }
        String json = snippet.toJson();
        Map<DataFormat, Object> content = new HashMap<>();
        content.put(DragFormats.NODES, json);
        content.put(DataFormat.PLAIN_TEXT, json);
        Clipboard.getSystemClipboard().setContent(content);
        canvas.setStatus("Copied " + GraphCanvas.count(snippet.nodes().size()) + ".");
    }

    void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (!clipboard.hasContent(DragFormats.NODES)) {
            canvas.setStatus("The clipboard holds no LayerLab nodes to paste.");
            return;
        }
        String json = String.valueOf(clipboard.getContent(DragFormats.NODES));
        NodeSnippet snippet;
        try {
            snippet = NodeSnippet.fromJson(json);
        } catch (IllegalArgumentException e) {
            canvas.setStatus("Cannot paste: " + e.getMessage());
            return;
        }
        if (snippet.isEmpty()) return;
        pasteCount = json.equals(lastPasted) ? pasteCount + 1 : 1;
        lastPasted = json;
        double offset = pasteCount * OFFSET;
        Point2D shift = new Point2D(offset, offset);
        Bounds landing = boundsOf(snippet, offset);
        Bounds view = canvas.visibleWorld();
        if (!view.intersects(landing)) {
            // Pasting into a view far from the originals: put them in the middle of what is on screen.
            shift = new Point2D(
                    canvas.snap(view.getCenterX() - landing.getWidth() / 2) - (landing.getMinX() - offset),
                    canvas.snap(view.getCenterY() - landing.getHeight() / 2) - (landing.getMinY() - offset));
        }
        insert(snippet, shift, "Paste");
    }

    void duplicate() {
        NodeSnippet snippet = NodeSnippet.of(canvas.document().graph(), canvas.document().selection());
        if (snippet.isEmpty()) {
            canvas.setStatus("Select nodes to duplicate.");
            return;
        }
        insert(snippet, new Point2D(OFFSET, OFFSET), "Duplicate");
    }

    private void insert(NodeSnippet snippet, Point2D shift, String verb) {
        PastePlan plan = PastePlan.of(canvas.document().graph(), snippet, shift.getX(), shift.getY(), verb);
        canvas.execute(plan.edit());
        canvas.selectOnly(plan.newIds());
        canvas.setStatus(verb + "d " + GraphCanvas.count(plan.newIds().size()) + ".");
    }

    private static Bounds boundsOf(NodeSnippet s, double offset) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Node n : s.nodes()) {
            minX = Math.min(minX, n.x());
            minY = Math.min(minY, n.y());
            maxX = Math.max(maxX, n.x() + NODE_WIDTH);
            maxY = Math.max(maxY, n.y() + NODE_HEIGHT);
        }
        return new BoundingBox(minX + offset, minY + offset, maxX - minX, maxY - minY);
    }
}
