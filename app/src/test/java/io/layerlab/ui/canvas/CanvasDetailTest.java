package io.layerlab.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Levels of detail on a graph too large to draw afresh in one frame: while the wheel zooms, cards
 * are boxes and labels hidden; a view change draws new card bitmaps a few per frame, nearest the
 * middle first; once things stop, everything in view is drawn in full.
 */
class CanvasDetailTest extends CanvasFixture {
    @Start
    void start(Stage stage) { open(stage); }

    @Test
    void whileTheWheelZoomsCardsAreBoxesAndOnceItStopsEverythingInViewIsDrawnInFull(FxRobot robot) {
        show(robot, grid());
        awaitFullDetail();
        robot.interact(() -> {
            canvas.zoomByGesture(0.8, 400, 300);
            canvas.zoomByGesture(0.7, 400, 300);
            assertThat(canvas.diagram().isMoving()).isTrue();
            assertThat(cardsInView()).isNotEmpty().allSatisfy(v -> {
                assertThat(v.isVisible()).as("%s drawn in full while zooming", v.nodeId()).isFalse();
                assertThat(canvas.diagram().isSketched(v)).as("%s drawn as a box", v.nodeId()).isTrue();
            });
            assertThat(labelsInView()).allSatisfy(w -> assertThat(w.label().isVisible()).isFalse());
        });

        awaitFullDetail();
        robot.interact(() -> {
            assertThat(canvas.getZoom()).isEqualTo(0.7);
            assertThat(cardsInView()).isNotEmpty().allSatisfy(v -> {
                assertThat(v.isVisible()).as("%s drawn in full", v.nodeId()).isTrue();
                assertThat(canvas.diagram().isSketched(v)).isFalse();
                assertThat(v.bitmapZoom()).isEqualTo(0.7);
            });
            assertThat(labelsInView()).isNotEmpty().allSatisfy(w -> assertThat(w.label().isVisible()).isTrue());
        });
    }

    @Test
    void aViewChangeDrawsNewCardsAFewPerFrameNearestTheMiddleFirstThenAll(FxRobot robot) {
        show(robot, grid());
        awaitFullDetail();
        robot.interact(() -> {
            canvas.zoomProperty().set(0.6);
            List<NodeView> inView = cardsInView();
            List<NodeView> full = inView.stream().filter(javafx.scene.Node::isVisible).toList();
            List<NodeView> boxes = inView.stream().filter(v -> canvas.diagram().isSketched(v)).toList();
            int perFrame = (int) Math.floor(canvas.diagram().frameBudgetMs() / DetailBudget.CARD_MS);
            assertThat(inView.size()).as("the test needs more cards in view than one frame draws").isGreaterThan(perFrame);
            assertThat(full).hasSizeLessThanOrEqualTo(perFrame).isNotEmpty();
            assertThat(full.size() + boxes.size()).isEqualTo(inView.size());
            double farthestFull = full.stream().mapToDouble(this::distanceFromMiddle).max().orElseThrow();
            double nearestBox = boxes.stream().mapToDouble(this::distanceFromMiddle).min().orElseThrow();
            assertThat(farthestFull).isLessThanOrEqualTo(nearestBox);
        });

        awaitFullDetail();
        robot.interact(() -> assertThat(cardsInView()).allSatisfy(v -> assertThat(v.isVisible()).isTrue()));
    }

    @Test
    void aCardStillDrawnAsABoxCanBeGrabbedAndMovedAtOnce(FxRobot robot) {
        show(robot, grid());
        awaitFullDetail();
        robot.interact(() -> {
            canvas.zoomByGesture(0.9, 0, 0);
            NodeView box = canvas.diagram().view("n0_0");
            assertThat(canvas.diagram().isSketched(box)).isTrue();
            Point2D grab = canvas.toCanvas(new Point2D(box.getLayoutX() + 40, box.getLayoutY() + 30));
            mouse(MouseEvent.MOUSE_PRESSED, grab);
            mouse(MouseEvent.MOUSE_DRAGGED, grab.add(30, 0));
            mouse(MouseEvent.MOUSE_DRAGGED, grab.add(60, 0));
            mouse(MouseEvent.MOUSE_RELEASED, grab.add(60, 0));
            assertThat(box.isVisible()).as("the grabbed card is drawn in full").isTrue();
        });
        assertThat(doc.selection()).containsExactly("n0_0");
        assertThat(doc.graph().node("n0_0").orElseThrow().x()).isGreaterThan(40);
    }

    @Test
    void cardsAndLabelsOutOfViewLeaveTheSceneAndComeBackOnTopWhereTheyWere(FxRobot robot) {
        show(robot, grid());
        awaitFullDetail();
        NodeView first = view("n0_0");
        WireView wire = canvas.diagram().wire(new Edge("n0_0", "n1_0"));
        robot.interact(() -> {
            assertThat(first.getScene()).isNotNull();
            // Raised, as a drag does: it must stay on top of its neighbours after a trip away.
            canvas.diagram().bringToFront(List.of(first));
            canvas.setPan(-2400, canvas.panY());
        });
        awaitFullDetail();
        robot.interact(() -> {
            assertThat(first.getScene()).as("a card out of view is out of the scene").isNull();
            assertThat(wire.curve().isVisible()).as("a wire out of view is hidden").isFalse();
            assertThat(wire.label().getScene()).as("its label is out of the scene").isNull();
            assertThat(cardsInView()).isNotEmpty().allSatisfy(v -> assertThat(v.getScene()).isNotNull());
            canvas.setPan(0, canvas.panY());
        });
        awaitFullDetail();
        robot.interact(() -> {
            assertThat(first.getScene()).isNotNull();
            assertThat(first.isVisible()).isTrue();
            assertThat(wire.curve().isVisible()).isTrue();
            assertThat(wire.label().getScene()).isNotNull();
            assertThat(wire.label().isVisible()).isTrue();
            List<javafx.scene.Node> stack = first.getParent().getChildrenUnmodifiable();
            assertThat(stack.get(stack.size() - 1)).as("the raised card is still topmost").isSameAs(first);
        });
    }

    @Test
    void onALargeGraphOnlyWhatIsInViewIsInTheScene(FxRobot robot) {
        show(robot, io.layerlab.shape.SyntheticGraphs.layered(300, 7));
        robot.interact(() -> canvas.centerOn(doc.graph().nodes().iterator().next().id()));
        awaitFullDetail();
        robot.interact(() -> {
            int inScene = count(canvas.diagram());
            List<NodeView> inView = cardsInView();
            int cardsInScene = (int) canvas.diagram().views().stream().filter(v -> v.getScene() != null).count();
            assertThat(inView).isNotEmpty();
            assertThat(cardsInScene).as("cards in the scene: those in view and the margin").isLessThan(3 * inView.size() + 10);
            // Every card in the scene would be some 3,000 scene nodes: JavaFX walks them all on every pulse.
            assertThat(inScene).as("scene nodes under the diagram").isLessThan(1000);
        });
    }

    private static int count(javafx.scene.Parent parent) {
        int n = 1;
        for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
            n += child instanceof javafx.scene.Parent p ? count(p) : 1;
        }
        return n;
    }

    @Test
    void aWireDraggedWhileTheWheelZoomsStillLandsOnItsPort(FxRobot robot) {
        show(robot, grid());
        awaitFullDetail();
        // Zooming turns every card into a box, out of the scene, for a moment: the wire must not be lost.
        robot.moveTo(out("n0_0")).press(MouseButton.PRIMARY);
        try {
            robot.moveBy(40, 30);
            robot.scroll(2, VerticalDirection.DOWN);
            awaitFullDetail();
            robot.moveTo(in("n0_1", 0));
        } finally {
            robot.release(MouseButton.PRIMARY);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.getZoom()).as("the wheel zoomed").isNotEqualTo(1.0);
        assertThat(canvas.gestureActive()).isFalse();
        assertThat(doc.graph().edges()).contains(new Edge("n0_0", "n0_1"));
    }

    /** 10 columns of 6 Dense layers, each wired to its right neighbour: more than a frame draws at once. */
    private static Graph grid() {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            for (int r = 0; r < 6; r++) {
                nodes.add(new Node("n" + c + "_" + r, "Dense", 40 + 260 * c, 40 + 120 * r, Map.of("units", 8)));
                if (c > 0) edges.add(new Edge("n" + (c - 1) + "_" + r, "n" + c + "_" + r));
            }
        }
        return Graph.of(nodes, edges);
    }

    private void awaitFullDetail() {
        try {
            // Read on the JavaFX thread: in between, it may have turned zooming off and not yet
            // queued the cards to draw, which from outside looks settled.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> canvas.diagram().isSettled()).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the canvas never showed everything in full detail: " + canvas.diagram(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<NodeView> cardsInView() {
        Bounds view = canvas.visibleWorld();
        return canvas.diagram().views().stream().filter(v -> v.getLayoutX() + v.getWidth() > view.getMinX()
                && v.getLayoutX() < view.getMaxX() && v.getLayoutY() + v.getHeight() > view.getMinY()
                && v.getLayoutY() < view.getMaxY()).toList();
    }

    private List<WireView> labelsInView() {
        Bounds view = canvas.visibleWorld();
        return canvas.diagram().wires().stream().filter(w -> view.contains(w.labelX(), w.labelY())).toList();
    }

    private double distanceFromMiddle(NodeView v) {
        Bounds view = canvas.visibleWorld();
        return Math.hypot(v.getLayoutX() + v.getWidth() / 2 - view.getCenterX(), v.getLayoutY() + v.getHeight() / 2 - view.getCenterY());
    }

    private void mouse(javafx.event.EventType<MouseEvent> type, Point2D at) {
        Point2D scene = canvas.localToScene(at);
        Point2D screen = canvas.localToScreen(at);
        // Picked as a box is: not at all, so the press lands on the canvas itself.
        canvas.fireEvent(new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(), MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, false, false, false,
                new PickResult(canvas, scene.getX(), scene.getY())));
    }
}
