package io.layerlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.layerlab.ui.TestDocuments;
import io.layerlab.ui.support.MemoryPreferences;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** On a small screen the side panels fold away and the bottom tabs take the canvas's height, and all come back as they were. */
@ExtendWith(ApplicationExtension.class)
class FoldingPanelsTest {
    private final DesignerFixture fixture = new DesignerFixture();
    private final Preferences preferences = new MemoryPreferences();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = fixture.windowRemembering(stage, preferences);
        window.files().show(TestDocuments.document(TestDocuments.xorProject()));
    }

    @AfterEach
    void deleteFiles() throws Exception { fixture.close(); }

    @Test
    void theSidePanelsHideAndComeBackAtTheWidthTheyHad(FxRobot robot) {
        Region palette = robot.lookup("#paletteSlot").queryAs(Region.class);
        Region inspector = robot.lookup("#inspectorSlot").queryAs(Region.class);
        Region canvas = robot.lookup("#canvasSlot").queryAs(Region.class);
        double paletteWidth = palette.getWidth();
        double inspectorWidth = inspector.getWidth();
        double canvasWidth = canvas.getWidth();

        press(robot, KeyCode.CONTROL, KeyCode.B);
        assertThat(palette.getWidth()).as("the layers panel, hidden").isLessThan(1);
        assertThat(canvas.getWidth()).as("its room went to the canvas").isGreaterThan(canvasWidth + paletteWidth - 10);
        assertThat(item(robot, "#paletteItem").isSelected()).isFalse();

        press(robot, KeyCode.CONTROL, KeyCode.ALT, KeyCode.B);
        assertThat(inspector.getWidth()).as("the inspector, hidden").isLessThan(1);
        assertThat(item(robot, "#inspectorItem").isSelected()).isFalse();

        press(robot, KeyCode.CONTROL, KeyCode.B);
        press(robot, KeyCode.CONTROL, KeyCode.ALT, KeyCode.B);
        assertThat(palette.getWidth()).isCloseTo(paletteWidth, within(1.5));
        assertThat(inspector.getWidth()).isCloseTo(inspectorWidth, within(1.5));
        assertThat(canvas.getWidth()).isCloseTo(canvasWidth, within(1.5));
        assertThat(item(robot, "#paletteItem").isSelected()).isTrue();
        assertThat(item(robot, "#inspectorItem").isSelected()).isTrue();
    }

    @Test
    void theBottomTabsMaximiseOverTheCanvasAcrossTabSwitchesAndRestoreToTheTabsOwnDivider(FxRobot robot) {
        Region canvas = robot.lookup("#canvasSlot").queryAs(Region.class);
        SplitPane centre = robot.lookup("#centerSplit").queryAs(SplitPane.class);
        TabPane tabs = robot.lookup("#bottomTabs").queryAs(TabPane.class);
        double designerDivider = centre.getDividerPositions()[0];
        robot.interact(() -> robot.lookup("#bottomTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        double dashboardDivider = centre.getDividerPositions()[0];

        press(robot, KeyCode.CONTROL, KeyCode.M);
        assertThat(canvas.getHeight()).as("the canvas, folded").isLessThan(1);
        assertThat(tabs.getHeight()).as("the tabs take the height").isGreaterThan(centre.getHeight() - 12);
        assertThat(item(robot, "#maximizeBottomItem").isSelected()).isTrue();

        robot.interact(() -> tabs.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.getHeight()).as("still maximised on the summary").isLessThan(1);
        robot.interact(() -> centre.getScene().getWindow().setHeight(centre.getScene().getWindow().getHeight() - 60));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> centre.getScene().getWindow().setHeight(centre.getScene().getWindow().getHeight() + 60));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.getHeight()).as("still maximised after the window was resized").isLessThan(1);
        assertThat(item(robot, "#maximizeBottomItem").isSelected()).isTrue();

        robot.interact(() -> tabs.getSelectionModel().select(2));
        press(robot, KeyCode.CONTROL, KeyCode.M);
        assertThat(centre.getDividerPositions()[0]).as("the dashboard's divider, as it was").isCloseTo(dashboardDivider, within(0.01));
        assertThat(canvas.getHeight()).isGreaterThan(100);
        assertThat(item(robot, "#maximizeBottomItem").isSelected()).isFalse();

        robot.interact(() -> tabs.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(centre.getDividerPositions()[0]).as("the designer's own divider").isCloseTo(designerDivider, within(0.01));
    }

    @Test
    void aDoubleClickOnTheTabsHeaderMaximisesAndRestoresButOneOnTheDashboardsOwnTabsDoesNot(FxRobot robot) {
        Region canvas = robot.lookup("#canvasSlot").queryAs(Region.class);
        robot.interact(() -> robot.lookup("#bottomTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        Node trainingTabHeader = robot.lookup(".tab").match(n -> "trainingTab".equals(n.getId())).query();

        robot.doubleClickOn(trainingTabHeader);
        assertThat(canvas.getHeight()).as("maximised").isLessThan(1);

        Node runsTabHeader = robot.lookup(".dashboard-tabs .tab").query();
        robot.doubleClickOn(runsTabHeader);
        assertThat(canvas.getHeight()).as("the dashboard's runs tab leaves the window as it is").isLessThan(1);

        robot.doubleClickOn((Node) robot.lookup(".tab").match(n -> "trainingTab".equals(n.getId())).query());
        assertThat(canvas.getHeight()).as("restored").isGreaterThan(100);
    }

    @Test
    void aDoubleClickOnAnotherTabSelectsAndMaximisesItThoughTheFirstClickMovedTheTabs(FxRobot robot) {
        Region canvas = robot.lookup("#canvasSlot").queryAs(Region.class);
        TabPane tabs = robot.lookup("#bottomTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        Node trainingTabHeader = robot.lookup(".tab").match(n -> "trainingTab".equals(n.getId())).query();

        robot.doubleClickOn(trainingTabHeader); // the first click docks the dashboard: the tabs move up

        assertThat(tabs.getSelectionModel().getSelectedIndex()).as("the training tab").isEqualTo(2);
        assertThat(canvas.getHeight()).as("maximised").isLessThan(1);
    }

    @Test
    void aFoldedPanelDraggedOpenIsShownWhereItWasDropped(FxRobot robot) {
        Region palette = robot.lookup("#paletteSlot").queryAs(Region.class);
        SplitPane sides = robot.lookup("#mainSplit").queryAs(SplitPane.class);
        press(robot, KeyCode.CONTROL, KeyCode.B);
        assertThat(palette.getWidth()).isLessThan(1);

        robot.interact(() -> sides.getDividers().get(0).setPosition(0.2));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(item(robot, "#paletteItem").isSelected()).isTrue();
        assertThat(palette.getWidth()).isCloseTo(0.2 * sides.getWidth(), within(6.0));
        assertThat(palette.getMinWidth()).as("its least width again").isEqualTo(180);
    }

    @Test
    void aHiddenPanelStaysHiddenAtTheNextStartAndComesBackAtItsWidth(FxRobot robot) {
        SplitPane sides = robot.lookup("#mainSplit").queryAs(SplitPane.class);
        robot.interact(() -> sides.getDividers().get(0).setPosition(0.25));
        WaitForAsyncUtils.waitForFxEvents();
        double paletteWidth = robot.lookup("#paletteSlot").queryAs(Region.class).getWidth();
        press(robot, KeyCode.CONTROL, KeyCode.B);

        MainWindow[] next = new MainWindow[1];
        robot.interact(() -> {
            next[0] = fixture.windowRemembering(new Stage(), preferences);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Region palette = (Region) next[0].scene().lookup("#paletteSlot");
        assertThat(palette.getWidth()).as("hidden, as it was left").isLessThan(1);

        robot.interact(() -> item(next[0].scene(), "#paletteItem").setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(palette.getWidth()).as("back at the width it had").isCloseTo(paletteWidth, within(1.5));
        robot.interact(() -> ((Stage) next[0].scene().getWindow()).close());
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.push(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private CheckMenuItem item(FxRobot robot, String id) {
        return item(window.scene(), id);
    }

    private static CheckMenuItem item(javafx.scene.Scene scene, String id) {
        return (CheckMenuItem) ((javafx.scene.control.MenuBar) scene.lookup(".menu-bar")).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> id.equals("#" + i.getId())).findFirst().orElseThrow();
    }
}
