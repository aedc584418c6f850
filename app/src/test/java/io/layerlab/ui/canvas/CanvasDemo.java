package io.layerlab.ui.canvas;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.ui.model.DesignDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Opens the canvas alone on a CNN (with one deliberate mistake: a Dense fed an image), to look at
 * it. Arguments: "dark" for the dark theme; "large" for the 500-node graph.
 */
public final class CanvasDemo {
    private CanvasDemo() { }

    public static void main(String[] args) { Application.launch(App.class, args); }

    /** Launched through {@link #main} so the JavaFX check of the java launcher does not stop a class-path run. */
    public static final class App extends Application {
    @Override public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        Application.setUserAgentStylesheet(args.contains("dark")
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        Graph graph;
        if (args.contains("large")) {
            graph = io.layerlab.shape.SyntheticGraphs.layered(500, 7);
        } else {
            Graph cnn = CanvasSamples.cnn();
            List<Node> nodes = new ArrayList<>(cnn.nodes());
            List<Edge> edges = new ArrayList<>(cnn.edges());
            nodes.add(new Node("dense2", "Dense", 780, 400, Map.of("units", 32)));
            nodes.add(new Node("lrelu1", "Activation", 1040, 420, Map.of("function", "leakyrelu", "alpha", 0.2)));
            edges.add(new Edge("pool1", "dense2"));
            edges.add(new Edge("dense2", "lrelu1"));
            graph = Graph.of(nodes, edges);
        }
        DesignDocument doc = CanvasSamples.document(graph);
        GraphCanvas canvas = new GraphCanvas();
        canvas.setDocument(doc);
        doc.selection().add(args.contains("large") ? "dense7" : "conv2");
        stage.setScene(new Scene(canvas, 1600, 900));
        stage.setTitle("LayerLab canvas");
        stage.show();
        canvas.fitToView();
        if (args.contains("100")) {
            canvas.zoomProperty().set(1);
            canvas.centerOn(graph.nodes().stream().skip(graph.size() / 2).findFirst().orElseThrow().id());
        }
    }
    }
}
