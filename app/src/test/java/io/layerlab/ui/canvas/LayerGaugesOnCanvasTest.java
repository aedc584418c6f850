package io.layerlab.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.Disconnect;
import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.MoveNodes;
import io.layerlab.graph.Node;
import io.layerlab.graph.SetParam;
import io.layerlab.train.LayerStats;
import io.layerlab.ui.canvas.LayerGauges.Level;
import io.layerlab.ui.canvas.LayerGauges.Measure;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Training statistics drawn as gauges on the nodes they were measured on. */
class LayerGaugesOnCanvasTest extends CanvasFixture {
    private static final double NONE = Double.NaN;

    @Start
    void start(Stage stage) { open(stage); }

    /** in -> dense1 (relu) -> relu1 (standalone) -> out, and a spare Dense. */
    private static Graph network() {
        return Graph.of(List.of(
                new Node("in", "Input", 40, 100, Map.of("shape", List.of(8))),
                new Node("dense1", "Dense", 300, 100, Map.of("units", 16, "activation", "relu")),
                new Node("relu1", "Activation", 560, 100, Map.of("function", "relu")),
                new Node("out", "Output", 760, 100, Map.of("units", 3)),
                new Node("spare", "Dense", 300, 320, Map.of("units", 4))),
                List.of(new Edge("in", "dense1"), new Edge("dense1", "relu1"), new Edge("relu1", "out")));
    }

    private static Map<String, LayerStats> sample(double dead) {
        return Map.of(
                "dense1", new LayerStats("dense1", "relu", 2e-3, dead, NONE, 1e-3),
                "relu1", new LayerStats("relu1", "relu", NONE, 0.1, NONE, NONE),
                "out", new LayerStats("out", "softmax", 4e-8, NONE, NONE, 0.4));
    }

    private GaugeStrip strip(String id) { return view(id).gauges(); }

    @Test
    void statisticsShowAsGaugesColouredByHowHealthyEachMeasureIs(FxRobot robot) {
        Graph graph = network();
        show(robot, graph);
        double plainHeight = view("dense1").getHeight();

        robot.interact(() -> canvas.showLayerStatistics(sample(0.6), graph));
        settle(robot);

        assertThat(strip("dense1").levelShown(Measure.GRADIENT)).isEqualTo(Level.HEALTHY);
        assertThat(strip("dense1").levelShown(Measure.DEAD_UNITS)).as("60%% dead").isEqualTo(Level.WARNING);
        assertThat(strip("dense1").levelShown(Measure.UPDATE_RATIO)).isEqualTo(Level.HEALTHY);
        assertThat(strip("dense1").levelShown(Measure.SATURATION)).as("not a sigmoid or tanh").isNull();
        assertThat(strip("dense1").fillShown(Measure.DEAD_UNITS)).isCloseTo(0.6, Offset.offset(0.05));
        assertThat(strip("out").levelShown(Measure.GRADIENT)).as("vanishing").isEqualTo(Level.WARNING);
        assertThat(strip("out").levelShown(Measure.UPDATE_RATIO)).as("huge steps").isEqualTo(Level.WARNING);
        assertThat(strip("relu1").levelShown(Measure.DEAD_UNITS)).as("on the pill too").isEqualTo(Level.HEALTHY);
        assertThat(strip("spare")).as("not measured").isNull();
        assertThat(strip("in")).isNull();
        assertThat(view("dense1").getHeight()).as("room for the gauges").isGreaterThan(plainHeight);
        assertThat(strip("dense1").getBoundsInParent().getMaxY()).isLessThanOrEqualTo(view("dense1").getHeight());
        assertThat(view("dense1").tooltipText()).contains("Dead ReLUs 60%").contains("no longer learn");
        assertThat(view("out").tooltipText()).contains("vanished").contains("too high");
    }

    @Test
    void farOutTheOverviewShowsEachNodesGaugesAsBarsInTheirLevelsColour(FxRobot robot) throws Exception {
        Graph graph = network();
        show(robot, graph);
        robot.interact(() -> canvas.zoomAround(0.3, 0, 0));
        settle(robot);
        assertThat(canvas.overview().isVisible()).as("far out: the overview").isTrue();

        robot.interact(() -> canvas.showLayerStatistics(sample(0.6), graph));
        settle(robot);
        // dense1's bars: gradient (healthy), dead units (60 %: warning), step (healthy).
        assertThat(coloursAlongTheBottomOf("dense1")).as("dense1's bars")
                .contains(canvas.overview().gaugeColour(Level.HEALTHY), canvas.overview().gaugeColour(Level.WARNING));

        robot.interact(() -> canvas.showLayerStatistics(sample(0.05), graph));
        settle(robot);
        assertThat(coloursAlongTheBottomOf("dense1")).as("a new sample: no unit dead any more")
                .contains(canvas.overview().gaugeColour(Level.HEALTHY)).doesNotContain(canvas.overview().gaugeColour(Level.WARNING));
        assertThat(coloursAlongTheBottomOf("spare")).as("not measured: no bars")
                .doesNotContain(canvas.overview().gaugeColour(Level.HEALTHY));
    }

    @Test
    void farOutAMouseRestingOnANodeShowsItsTooltipWithTheGaugesReadings(FxRobot robot) throws Exception {
        Graph graph = network();
        show(robot, graph);
        robot.interact(() -> canvas.zoomAround(0.3, 0, 0));
        robot.interact(() -> canvas.showLayerStatistics(sample(0.6), graph));
        settle(robot);
        String expected = onFx(() -> view("dense1").tooltipText());
        assertThat(expected).as("the node's own tooltip reads its gauges").contains("Dead ReLUs 60%");

        robot.moveTo(onFx(() -> canvas.localToScreen(canvas.toCanvas(centreOf("dense1")))));
        org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> onFx(() -> canvas.overviewTooltip().isShowing()));
        assertThat(onFx(() -> canvas.overviewTooltip().getText())).as("which node, then its own tooltip").isEqualTo("dense1 · Dense\n" + expected);

        // Off the node, onto the empty canvas below the spare Dense: gone.
        robot.moveTo(onFx(() -> canvas.localToScreen(canvas.toCanvas(centreOf("spare").add(0, 200)))));
        org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> onFx(() -> !canvas.overviewTooltip().isShowing()));
    }

    private javafx.geometry.Point2D centreOf(String id) {
        NodeView v = view(id);
        return new javafx.geometry.Point2D(v.getLayoutX() + v.getWidth() / 2, v.getLayoutY() + v.getHeight() / 2);
    }

    /** The colours of the overview's pixels in a band along the bottom of a node's box. */
    private java.util.Set<Color> coloursAlongTheBottomOf(String id) throws Exception {
        return onFx(() -> {
            javafx.scene.image.Image shot = canvas.snapshot(null, null);
            NodeView v = view(id);
            java.util.Set<Color> seen = new java.util.HashSet<>();
            for (double fy = 0.6; fy < 1; fy += 0.02) {
                for (double fx = 0.05; fx < 1; fx += 0.02) {
                    javafx.geometry.Point2D p = canvas.toCanvas(new javafx.geometry.Point2D(
                            v.getLayoutX() + v.getWidth() * fx, v.getLayoutY() + v.getHeight() * fy));
                    seen.add(shot.getPixelReader().getColor((int) p.getX(), (int) p.getY()));
                }
            }
            return seen;
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(work).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void aNewSampleRepaintsTheGaugesWithoutALayoutPass(FxRobot robot) {
        Graph graph = network();
        show(robot, graph);
        robot.interact(() -> canvas.showLayerStatistics(sample(0.6), graph));
        settle(robot);
        double height = view("dense1").getHeight();

        robot.interact(() -> {
            canvas.showLayerStatistics(sample(0.1), graph);
            assertThat(view("dense1").isNeedsLayout()).as("same measures, new values").isFalse();
            assertThat(canvas.isNeedsLayout()).isFalse();
        });

        assertThat(strip("dense1").levelShown(Measure.DEAD_UNITS)).isEqualTo(Level.HEALTHY);
        assertThat(strip("dense1").fillShown(Measure.DEAD_UNITS)).isCloseTo(0.1, Offset.offset(0.05));
        assertThat(view("dense1").getHeight()).isEqualTo(height);
        assertThat(view("dense1").tooltipText()).contains("Dead ReLUs 10%");
    }

    @Test
    void clearingRemovesTheGaugesAndTheCardsShrinkBack(FxRobot robot) {
        Graph graph = network();
        show(robot, graph);
        double plainHeight = view("dense1").getHeight();
        robot.interact(() -> canvas.showLayerStatistics(sample(0.6), graph));
        settle(robot);

        robot.interact(canvas::clearLayerStatistics);
        settle(robot);

        for (String id : List.of("dense1", "relu1", "out")) assertThat(strip(id)).as(id).isNull();
        assertThat(robot.lookup("." + GaugeStrip.STYLE_CLASS).queryAll()).isEmpty();
        assertThat(view("dense1").getHeight()).isEqualTo(plainHeight);
        assertThat(view("dense1").tooltipText()).as("nothing left to explain").isNull();
    }

    @Test
    void editingANodeHidesItsNowStaleGaugesAndThoseItFeedsAndUndoBringsThemBack(FxRobot robot) {
        Graph measured = network();
        show(robot, measured.copy());
        robot.interact(() -> canvas.showLayerStatistics(sample(0.6), measured));
        settle(robot);

        robot.interact(() -> doc.execute(new SetParam("dense1", "units", 32)));
        assertThat(strip("dense1")).as("other weights now").isNull();
        assertThat(strip("relu1")).as("fed a wider input").isNull();
        assertThat(strip("out")).as("more weights from the wider input").isNull();
        robot.interact(doc::undo);
        for (String id : List.of("dense1", "relu1", "out")) assertThat(strip(id)).as(id).isNotNull();

        robot.interact(() -> doc.execute(new Disconnect(new Edge("relu1", "out"))));
        assertThat(strip("out")).as("its input wire is gone").isNull();
        assertThat(strip("dense1")).as("upstream, unchanged").isNotNull();
        robot.interact(doc::undo);
        assertThat(strip("out")).isNotNull();

        robot.interact(() -> doc.execute(new MoveNodes(Map.of("dense1", new double[] {400, 200}))));
        assertThat(strip("dense1")).as("moving changes nothing measured").isNotNull();
    }

    @Test
    void farOutTheGaugesHideWithTheOtherSmallPrint(FxRobot robot) {
        Graph graph = network();
        show(robot, graph);
        robot.interact(() -> canvas.showLayerStatistics(sample(0.6), graph));
        robot.interact(() -> canvas.zoomProperty().set(0.4));
        assertThat(drawn(strip("dense1"))).isFalse();
        robot.interact(() -> canvas.zoomProperty().set(1));
        assertThat(drawn(strip("dense1"))).isTrue();
    }

    /** Visible along with everything it sits in. */
    private static boolean drawn(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }
}
