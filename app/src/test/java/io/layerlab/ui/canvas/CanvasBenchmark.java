package io.layerlab.ui.canvas;

import atlantafx.base.theme.PrimerLight;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.shape.SyntheticGraphs;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.support.PulseBench;
import io.layerlab.ui.support.PulseBench.Scenario;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;

/**
 * How long JavaFX pulses take while a person drags a node, pans and zooms a 500-node canvas
 * (measured by {@link PulseBench}; see there for the method and its options).
 *
 * <p>Input comes from {@link Robot} through the windowing system (run it under Xvfb), one mouse
 * step per frame. Scenarios: a baseline (panning an empty canvas: the grid and the window still have
 * to be painted), drag a node (pressed once the view has settled, as a person looks before grabbing),
 * pan at 100 % and with the whole graph in view, jump across the graph by clicking the minimap
 * (every card and label that comes into view is drawn afresh), and zoom with the wheel.
 *
 * <p>Run: {@code DISPLAY=:98 java -XX:+UseParallelGC -Xmn24m -XX:-UseAdaptiveSizePolicy -XX:SurvivorRatio=4 -cp <test classpath> io.layerlab.ui.canvas.CanvasBenchmark}.
 * Options besides {@link PulseBench}'s: {@code -Dbench.nodes=N}, {@code -Dbench.zoomLow/-Dbench.zoomHigh}.
 */
public final class CanvasBenchmark {
    private static final int NODES = 500;

    private CanvasBenchmark() { }

    public static void main(String[] args) throws Exception {
        PulseBench.run(CanvasBenchmark::setUp);
    }

    private static PulseBench.Setup setUp() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Graph graph = SyntheticGraphs.layered(Integer.getInteger("bench.nodes", NODES), 7);
        DesignDocument doc = CanvasSamples.document(graph);
        GraphCanvas canvas = new GraphCanvas();
        canvas.setDocument(CanvasSamples.document(new Graph()));
        Stage stage = new Stage();
        stage.setX(0);
        stage.setY(0);
        stage.setScene(new Scene(canvas, 1600, 900));
        stage.show();
        Robot robot = new Robot();
        String middle = graph.nodes().stream().skip(graph.size() / 2).findFirst().map(Node::id).orElseThrow();

        List<Scenario> scenarios = List.of(
                baseline(canvas, robot, doc),
                zoom(canvas, robot).named(PulseBench.WARM_UP),
                drag(canvas, robot, middle, 1.0),
                drag(canvas, robot, middle, 0.5),
                pan(canvas, robot, middle, 1.0, false),
                pan(canvas, robot, middle, 0, true),
                jump(canvas, robot, graph),
                zoom(canvas, robot));
        return new PulseBench.Setup(String.format(Locale.ROOT, "Graph: %d nodes, %d wires (SyntheticGraphs.layered); window 1600×900",
                graph.size(), graph.edges().size()), scenarios);
    }

    /**
     * The floor set by the machine: panning an empty canvas (the grid and the window still have to
     * be painted). Afterwards the 500-node document is shown.
     */
    private static Scenario baseline(GraphCanvas canvas, Robot robot, DesignDocument doc) {
        return new Scenario() {
            private Point2D centre;

            @Override public String name() { return "baseline: pan an empty canvas"; }

            @Override public void begin() {
                centre = canvas.localToScreen(canvas.getWidth() / 2, canvas.getHeight() / 2);
                robot.mouseMove(centre);
                robot.mousePress(MouseButton.MIDDLE);
            }

            @Override public void frame(double t) {
                double a = 2 * Math.PI * t * 2;
                robot.mouseMove(centre.add(300 * Math.cos(a) - 300, 200 * Math.sin(a)));
            }

            @Override public void end() {
                robot.mouseRelease(MouseButton.MIDDLE);
                long start = System.nanoTime();
                canvas.setDocument(doc);
                long built = System.nanoTime();
                canvas.applyCss();
                long styled = System.nanoTime();
                canvas.layout();
                long end = System.nanoTime();
                System.out.printf(Locale.ROOT, "Showing the document: %.0f ms (views %.0f, CSS %.0f, layout %.0f)%n",
                        (end - start) / 1e6, (built - start) / 1e6, (styled - built) / 1e6, (end - styled) / 1e6);
            }
        };
    }

    /** Press on a node and drag it in loops for a few seconds, then release. */
    private static Scenario drag(GraphCanvas canvas, Robot robot, String nodeId, double zoom) {
        return new Scenario() {
            private Point2D grab;

            @Override public String name() { return String.format(Locale.ROOT, "drag a node at %.0f%%", zoom * 100); }

            /** A person looks at the node before grabbing it: the view has settled (every card drawn in full). */
            @Override public void prepare() {
                canvas.zoomProperty().set(zoom);
                canvas.centerOn(nodeId);
            }

            @Override public boolean ready() { return canvas.diagram().isSettled(); }

            @Override public void begin() {
                NodeView v = canvas.diagram().view(nodeId);
                grab = v.localToScreen(30, 20);
                robot.mouseMove(grab);
                robot.mousePress(MouseButton.PRIMARY);
            }

            @Override public void frame(double t) {
                double a = 2 * Math.PI * t * 2;
                robot.mouseMove(grab.add(220 * Math.sin(a), 140 * Math.sin(2 * a)));
            }

            @Override public void end() { robot.mouseRelease(MouseButton.PRIMARY); }
        };
    }

    /** Middle-button drag in circles; {@code whole} fits the whole graph in view first. */
    private static Scenario pan(GraphCanvas canvas, Robot robot, String nodeId, double zoom, boolean whole) {
        return new Scenario() {
            private Point2D centre;

            @Override public String name() { return whole ? "pan, whole graph in view" : String.format(Locale.ROOT, "pan at %.0f%%", zoom * 100); }

            @Override public void begin() {
                if (whole) {
                    canvas.fitToView();
                } else {
                    canvas.zoomProperty().set(zoom);
                    canvas.centerOn(nodeId);
                }
                centre = canvas.localToScreen(canvas.getWidth() / 2, canvas.getHeight() / 2);
                robot.mouseMove(centre);
                robot.mousePress(MouseButton.MIDDLE);
            }

            @Override public void frame(double t) {
                double a = 2 * Math.PI * t * 2;
                robot.mouseMove(centre.add(300 * Math.cos(a) - 300, 200 * Math.sin(a)));
            }

            @Override public void end() { robot.mouseRelease(MouseButton.MIDDLE); }
        };
    }

    /**
     * At 100 %, clicks the minimap every 0.6 s to jump to another part of the graph, and lets the
     * view fill in: every card and label that comes into view is drawn afresh.
     */
    private static Scenario jump(GraphCanvas canvas, Robot robot, Graph graph) {
        // Far apart: a fifth of the graph on each time, round and round.
        List<Node> nodes = List.copyOf(graph.nodes());
        return new Scenario() {
            private int jumps;

            @Override public String name() { return "jump across the graph at 100% (minimap) and fill in"; }

            @Override public void prepare() { canvas.zoomProperty().set(1); }

            @Override public boolean ready() { return canvas.isSettled() && canvas.minimap().isVisible(); }

            @Override public void begin() { jumps = 0; }

            @Override public void frame(double t) {
                int due = (int) (t * PulseBench.SCENARIO_SECONDS / 0.6);
                if (due < jumps) return;
                jumps++;
                Node target = nodes.get((jumps * nodes.size() / 5 + jumps * 37) % nodes.size());
                Minimap m = canvas.minimap();
                javafx.geometry.Bounds mapped = m.mappedWorld();
                javafx.geometry.Insets in = m.getInsets();
                double w = m.getWidth() - in.getLeft() - in.getRight();
                double h = m.getHeight() - in.getTop() - in.getBottom();
                robot.mouseMove(m.localToScreen(in.getLeft() + (target.x() + 80 - mapped.getMinX()) / mapped.getWidth() * w,
                        in.getTop() + (target.y() + 40 - mapped.getMinY()) / mapped.getHeight() * h));
                robot.mouseClick(MouseButton.PRIMARY);
            }

            @Override public void end() { }
        };
    }

    /** The wheel, one notch per frame, from the whole graph in view to 150 % and back, around the cursor. */
    private static Scenario zoom(GraphCanvas canvas, Robot robot) {
        return new Scenario() {
            private int direction = -1;
            private double fitted;

            @Override public String name() { return "zoom with the wheel, whole graph ↔ 150%"; }

            /** The whole graph in view and drawn (Ctrl+0) before the wheel turns: the fit is not part of the zoom. */
            @Override public void prepare() {
                canvas.fitToView();
                fitted = canvas.getZoom();
            }

            @Override public boolean ready() { return canvas.isSettled(); }

            @Override public void begin() {
                robot.mouseMove(canvas.localToScreen(canvas.getWidth() / 2, canvas.getHeight() / 2));
            }

            @Override public void frame(double t) {
                // A negative wheel amount scrolls up, which zooms in.
                // -Dbench.zoomLow / -Dbench.zoomHigh narrow the range, to see one level of detail alone.
                double high = Double.parseDouble(System.getProperty("bench.zoomHigh", "1.5"));
                double low = Math.max(fitted, Double.parseDouble(System.getProperty("bench.zoomLow", "0")));
                if (canvas.getZoom() >= high) direction = 1;
                if (canvas.getZoom() <= low * 1.05) direction = -1;
                if (!System.getProperty("bench.trace", "").isEmpty()) {
                    System.out.printf(Locale.ROOT, "      t=%.3f zoom %.3f%n", t * PulseBench.SCENARIO_SECONDS, canvas.getZoom());
                }
                robot.mouseWheel(direction);
            }

            @Override public void end() { }
        };
    }
}
