package io.layerlab.ui.canvas;

import atlantafx.base.theme.PrimerLight;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.support.DragFormats;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A window with the canvas and a stand-in palette (two draggable items), and helpers to reach
 * into it. Subclasses call {@link #open} from their own {@code @Start} method (TestFX looks for
 * it on the test class itself).
 */
@ExtendWith(ApplicationExtension.class)
abstract class CanvasFixture {
    protected GraphCanvas canvas;
    protected DesignDocument doc;
    protected Stage stage;

    protected void open(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        canvas = new GraphCanvas();
        VBox palette = new VBox(8, paletteItem("Dense", DragFormats.LAYER_TYPE), paletteItem("relu", DragFormats.ACTIVATION));
        palette.setPrefWidth(120);
        stage.setScene(new Scene(new BorderPane(canvas, null, null, null, palette), 1100, 700));
        stage.show();
    }

    private static Label paletteItem(String text, DataFormat format) {
        Label item = new Label(text);
        item.setId("palette-" + text);
        item.setMinSize(100, 30);
        item.setOnDragDetected(e -> {
            ClipboardContent content = new ClipboardContent();
            content.put(format, text);
            item.startDragAndDrop(TransferMode.COPY).setContent(content);
            e.consume();
        });
        return item;
    }

    protected void show(FxRobot robot, Graph graph) {
        robot.interact(() -> {
            doc = CanvasSamples.document(graph);
            canvas.setDocument(doc);
        });
        settle(robot);
    }

    /** Lets CSS and layout catch up, so views have their sizes before the robot aims at them. */
    protected void settle(FxRobot robot) {
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
    }

    protected NodeView view(String id) { return canvas.diagram().view(id); }

    protected PortView out(String id) { return view(id).outputPort(); }

    protected PortView in(String id, int slot) { return view(id).inputPorts().get(slot); }

    protected static boolean has(javafx.scene.Node n, String pseudoClass) {
        return n.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass));
    }

    /** Screen point of a graph-coordinate point. */
    protected Point2D screen(double worldX, double worldY) {
        return canvas.localToScreen(canvas.toCanvas(new Point2D(worldX, worldY)));
    }

    /** in -> dense1 -> out, and a spare Dense below without wires. */
    protected static Graph chain() {
        return Graph.of(List.of(
                new Node("in", "Input", 40, 100, Map.of("shape", List.of(8))),
                new Node("dense1", "Dense", 300, 100, Map.of("units", 16)),
                new Node("out", "Output", 560, 100, Map.of("units", 3)),
                new Node("spare", "Dense", 300, 320, Map.of("units", 4))),
                List.of(new Edge("in", "dense1"), new Edge("dense1", "out")));
    }
}
