package io.layerlab.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The canvas's view and keyboard: nudging, cancelling, panning, the minimap and the far-out overview. */
class GraphCanvasViewTest extends CanvasFixture {
    @Start
    void start(Stage stage) { open(stage); }


    @Test
    void arrowKeysNudgeTheSelectionOneGridStepPerPress(FxRobot robot) {
        show(robot, chain());
        robot.clickOn(view("dense1")).type(KeyCode.RIGHT).type(KeyCode.DOWN);

        Node moved = doc.graph().node("dense1").orElseThrow();
        assertThat(moved.x()).isEqualTo(300 + GraphCanvas.GRID);
        assertThat(moved.y()).isEqualTo(100 + GraphCanvas.GRID);
        robot.interact(doc::undo);
        assertThat(doc.graph().node("dense1").orElseThrow().y()).isEqualTo(100);
        assertThat(doc.graph().node("dense1").orElseThrow().x()).isEqualTo(300 + GraphCanvas.GRID);
    }

    @Test
    void escapeAbandonsAWireBeingDrawn(FxRobot robot) {
        show(robot, chain());
        long revision = doc.history().revision();
        robot.moveTo(out("dense1")).press(MouseButton.PRIMARY).moveTo(in("spare", 0));
        robot.type(KeyCode.ESCAPE).release(MouseButton.PRIMARY);

        assertThat(doc.history().revision()).isEqualTo(revision);
        assertThat(canvas.ghostLayer().getChildren()).isEmpty();
        assertThat(has(in("spare", 0), "compatible")).isFalse();
    }

    @Test
    void escapeDuringAMovePutsTheNodesBack(FxRobot robot) {
        show(robot, chain());
        robot.drag(view("dense1"), MouseButton.PRIMARY).moveBy(80, 60);
        robot.type(KeyCode.ESCAPE).release(MouseButton.PRIMARY);

        assertThat(view("dense1").getLayoutX()).isEqualTo(300);
        assertThat(doc.history().canUndo()).isFalse();
    }

    @Test
    void spaceAndDragPansInsteadOfSelecting(FxRobot robot) {
        show(robot, chain());
        Point2D before = view("out").localToScreen(0, 0);
        robot.clickOn(canvas.localToScreen(900, 600));
        robot.press(KeyCode.SPACE).drag(canvas.localToScreen(900, 600), MouseButton.PRIMARY).moveBy(-120, 0)
                .release(MouseButton.PRIMARY).release(KeyCode.SPACE);

        assertThat(view("out").localToScreen(0, 0).getX() - before.getX()).isCloseTo(-120, Offset.offset(1.0));
        assertThat(doc.selection()).isEmpty();
    }

    @Test
    void clickingTheMinimapCentresTheViewThere(FxRobot robot) {
        List<Node> nodes = new ArrayList<>(chain().nodes());
        nodes.add(new Node("far", "Dense", 6000, 3000, Map.of()));
        show(robot, Graph.of(nodes, chain().edges()));
        assertThat(canvas.minimap().isVisible()).isTrue();

        // Aim at the far node's place on the minimap.
        Bounds mapped = canvas.minimap().mappedWorld();
        Bounds map = canvas.minimap().localToScreen(canvas.minimap().getLayoutBounds());
        double fx = (6000 + 90 - mapped.getMinX()) / mapped.getWidth();
        double fy = (3000 + 40 - mapped.getMinY()) / mapped.getHeight();
        robot.clickOn(new Point2D(map.getMinX() + 6 + fx * (map.getWidth() - 12), map.getMinY() + 6 + fy * (map.getHeight() - 12)));

        assertThat(canvas.visibleWorld().contains(6000 + 90, 3000 + 40)).isTrue();
        assertThat(doc.history().canUndo()).isFalse();
    }

    @Test
    void farOutPanningMovesTheOverviewPictureInsteadOfDrawingItAgain(FxRobot robot) {
        show(robot, chain());
        robot.interact(() -> canvas.zoomAround(0.2, 0, 0));
        settle(robot);
        javafx.scene.Node picture = canvas.overview().getChildrenUnmodifiable().get(0);
        assertThat(canvas.overview().drawsWholeGraph()).isTrue();
        Point2D before = new Point2D(picture.getLayoutX(), picture.getLayoutY());

        robot.interact(() -> canvas.setPan(canvas.panX() + 37, canvas.panY() - 12));
        assertThat(canvas.overview().isNeedsLayout()).as("nothing to draw again").isFalse();
        assertThat(picture.getLayoutX() - before.getX()).isEqualTo(37);
        assertThat(picture.getLayoutY() - before.getY()).isEqualTo(-12);
        Point2D node = canvas.toCanvas(new Point2D(300, 100));
        robot.interact(() -> {
            canvas.zoomAround(0.25, node.getX(), node.getY());
            assertThat(canvas.overview().isNeedsLayout()).as("a new zoom is drawn afresh").isTrue();
        });
    }

    @Test
    void farOutTheGraphIsDrawnAsAnOverviewAndNodesCanStillBeMoved(FxRobot robot) {
        show(robot, chain());
        robot.interact(() -> canvas.zoomAround(0.2, 0, 0));
        settle(robot);
        assertThat(canvas.overview().isVisible()).isTrue();
        assertThat(view("dense1").getParent().getParent().getParent().isVisible()).as("the node views are hidden").isFalse();

        robot.drag(screen(330, 110), MouseButton.PRIMARY).moveBy(40, 0).moveBy(40, 0).release(MouseButton.PRIMARY);
        assertThat(doc.graph().node("dense1").orElseThrow().x()).isEqualTo(300 + 20 * GraphCanvas.GRID);

        robot.interact(canvas::resetZoom);
        assertThat(canvas.overview().isVisible()).isFalse();
    }

    @Test
    void farOutTheWheelZoomsASketchOfTheGraphAndTheSettledPictureReturns(FxRobot robot) throws Exception {
        show(robot, chain());
        robot.interact(() -> canvas.zoomAround(0.2, 0, 0));
        settle(robot);
        assertThat(canvas.overview().showsPicture()).isTrue();

        robot.interact(() -> canvas.zoomByGesture(0.3, 100, 100));
        settle(robot);
        QuickSketch sketch = canvas.overview().quickSketch();
        assertThat(sketch.isVisible()).isTrue();
        assertThat(canvas.overview().showsPicture()).as("no canvas drawn per wheel step").isFalse();
        assertThat(canvas.isSettled()).as("the wheel is zooming").isFalse();
        // The node's box lands where the node is: a box is drawn at its middle, the background beside it.
        Node spare = doc.graph().node("spare").orElseThrow();
        double below = spare.y() + view("spare").getHeight() * 0.8; // under the category band
        Point2D middle = canvas.toCanvas(new Point2D(spare.x() + view("spare").getWidth() / 2, below));
        Point2D beside = canvas.toCanvas(new Point2D(spare.x() - 60, below));
        javafx.scene.image.Image shot = onFx(() -> canvas.snapshot(null, null));
        javafx.scene.paint.Color boxColour = shot.getPixelReader().getColor((int) middle.getX(), (int) middle.getY());
        javafx.scene.paint.Color background = shot.getPixelReader().getColor((int) beside.getX(), (int) beside.getY());
        assertThat(boxColour).isEqualTo(canvas.overview().node());
        assertThat(boxColour).isNotEqualTo(background);
        // Both wires are in the sketch: from the input's right edge to the output's left.
        Bounds wires = sketch.wires().getBoundsInParent();
        assertThat(wires.getMinX()).isCloseTo(view("in").getBoundsInParent().getMaxX(), Offset.offset(12.0));
        assertThat(wires.getMaxX()).isCloseTo(view("out").getLayoutX(), Offset.offset(12.0));

        // Once the wheel rests, the settled picture of the whole graph is back.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> {
            stage.getScene().getRoot().layout();
            return canvas.overview().showsPicture();
        }));
        assertThat(sketch.isVisible()).isFalse();
        assertThat(canvas.overview().showsPicture()).isTrue();
        assertThat(canvas.overview().drawsWholeGraph()).isTrue();
        assertThat(canvas.isSettled()).isTrue();
    }

    @Test
    void theGridHasAMajorDotOnTheOriginAndAMinorOneEveryCellAndFollowsThePan(FxRobot robot) throws Exception {
        show(robot, Graph.of(List.of(), List.of()));
        robot.interact(() -> {
            canvas.resetZoom();
            canvas.setPan(101, 61);
        });
        settle(robot);
        javafx.scene.image.PixelReader before = onFx(() -> canvas.snapshot(null, null)).getPixelReader();
        // Dots are two pixels wide, centred on the grid point (101, 61) and every GRID pixels from it.
        javafx.scene.paint.Color major = before.getColor(101, 61);
        javafx.scene.paint.Color minor = before.getColor(101 + (int) GraphCanvas.GRID, 61);
        javafx.scene.paint.Color between = before.getColor(101 + (int) GraphCanvas.GRID / 2, 61 + (int) GraphCanvas.GRID / 2);
        assertThat(major).isNotEqualTo(between);
        assertThat(minor).isNotEqualTo(between).isNotEqualTo(major);
        assertThat(before.getColor(101 + 5 * (int) GraphCanvas.GRID, 61 + 5 * (int) GraphCanvas.GRID)).isEqualTo(major);

        robot.interact(() -> canvas.setPan(101 + 7, 61 + 3));
        javafx.scene.image.PixelReader after = onFx(() -> canvas.snapshot(null, null)).getPixelReader();
        assertThat(after.getColor(101 + 7, 61 + 3)).isEqualTo(major);
        assertThat(after.getColor(101, 61)).isEqualTo(between);
    }

    @Test
    void centerOnBringsANodeToTheMiddleOfTheView(FxRobot robot) {
        List<Node> nodes = new ArrayList<>(chain().nodes());
        nodes.add(new Node("far", "Dense", 5000, 2000, Map.of()));
        show(robot, Graph.of(nodes, chain().edges()));
        robot.interact(() -> canvas.centerOn("far"));

        Bounds v = view("far").localToScreen(view("far").getLayoutBounds());
        Bounds c = canvas.localToScreen(canvas.getLayoutBounds());
        assertThat(v.getCenterX()).isCloseTo(c.getCenterX(), Offset.offset(1.0));
        assertThat(v.getCenterY()).isCloseTo(c.getCenterY(), Offset.offset(1.0));
    }

    @Test
    void zoomCommandsStayWithinTheLimitsAndKeepTheCentre(FxRobot robot) {
        show(robot, chain());
        Point2D centre = new Point2D(canvas.getWidth() / 2, canvas.getHeight() / 2);
        Point2D before = canvas.toWorld(centre);
        robot.interact(canvas::zoomIn);
        assertThat(canvas.getZoom()).isEqualTo(1.25);
        assertThat(canvas.toWorld(centre).distance(before)).isLessThan(0.01);
        robot.interact(() -> { for (int i = 0; i < 40; i++) canvas.zoomOut(); });
        assertThat(canvas.getZoom()).isEqualTo(GraphCanvas.MIN_ZOOM);
        robot.interact(() -> canvas.zoomProperty().set(99));
        assertThat(canvas.getZoom()).isEqualTo(GraphCanvas.MAX_ZOOM);
    }

    @Test
    void ctrlASelectsEverythingAndANullDocumentEmptiesTheCanvas(FxRobot robot) {
        show(robot, chain());
        robot.clickOn(canvas.localToScreen(900, 600));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        assertThat(doc.selection()).containsExactlyInAnyOrder("in", "dense1", "out", "spare");

        robot.interact(() -> canvas.setDocument(null));
        assertThat(canvas.diagram().views()).isEmpty();
        assertThat(canvas.diagram().wires()).isEmpty();
        robot.interact(() -> assertThatThrownBy(() -> canvas.addNodeAt("Dense", Map.of(), null))
                .isInstanceOf(IllegalStateException.class));
    }

    @Test
    void anUnknownLayerTypeIsRefusedNamingTheValidOnes(FxRobot robot) {
        show(robot, chain());
        robot.interact(() -> assertThatThrownBy(() -> canvas.addNodeAt("Dense3D", Map.of(), null))
                .hasMessageContaining("unknown layer type 'Dense3D'").hasMessageContaining("Conv2D"));
        assertThat(doc.graph().size()).isEqualTo(4);
    }

    @Test
    void anIdReusedForAnotherKindOfLayerGetsTheRightSkin(FxRobot robot) {
        show(robot, chain());
        robot.interact(() -> doc.execute(new io.layerlab.graph.CompoundEdit("Replace", List.of(
                new io.layerlab.graph.RemoveNodes(java.util.Set.of("dense1")),
                new io.layerlab.graph.AddNode(new Node("dense1", "Activation", 300, 100, Map.of("function", "tanh")))))));

        assertThat(view("dense1")).isInstanceOf(ActivationPillView.class);
        assertThat(canvas.diagram().views()).hasSize(4);
    }

    @Test
    void copyingNothingSaysSoInTheStatus(FxRobot robot) {
        show(robot, chain());
        robot.interact(canvas::copySelection);
        assertThat(canvas.statusMessageProperty().get()).isEqualTo("Select nodes to copy.");
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }
}
