package io.layerlab.ui.shell;

import io.layerlab.ui.support.LiveScrollPane;
import io.layerlab.ui.training.TrainingDashboard;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

/**
 * Gives the training dashboard the height it needs in the window. A divergence banner or a settings
 * note makes the dashboard taller, and the split pane above it kept its divider: the runs table was
 * cut off at the window's bottom edge (in a 1600 x 1000 window the diverged run's own row was out of
 * sight). Now the canvas gives up height first: while the dashboard shows and lacks height, the
 * divider moves up by what it lacks, as far as the canvas's own least height lets it (main-window.fxml:
 * a row of nodes). Where even that is not enough (a short window), the dashboard scrolls rather
 * than hiding its bottom.
 *
 * <p>The divider moves, rather than the bottom tabs' least height growing: a least height taken
 * from the split's own height would keep the split, and the window's content, from shrinking with
 * the window.
 *
 * <p>What the canvas lent it gets back once the dashboard no longer needs it (the banner or the
 * settings' problem note gone): a note shown for a moment while the person typed a learning rate
 * ("0" on the way to "0.03") had shrunk the canvas for good. Once the person moves the divider, that
 * is their layout and nothing is owed. Nor once they fold the settings: they did it to give the
 * charts those rows, which the canvas would otherwise have taken back.
 */
final class DashboardRoom {
    static final String STYLE_CLASS = "dashboard-scroll";
    /** Less than this is rounding, not a lack. */
    private static final double SLACK = 1;

    private final TabPane bottomTabs;
    private final Tab dashboardTab;
    private final TrainingDashboard dashboard;
    private final ScrollPane scroll;
    private final SplitPane split;
    private final Region canvas;
    /** The split's last divider: the one between the canvas and the bottom tabs. */
    private final SplitPane.Divider divider;
    /** Pixels the canvas lent the dashboard, to give back when the dashboard needs them no more. */
    private double lent;
    /** Where the room last put the divider: the split's own pixel snapping moves it by less than a pixel, a person by more. */
    private double placed = Double.NaN;

    private DashboardRoom(TabPane bottomTabs, Tab dashboardTab, TrainingDashboard dashboard, ScrollPane scroll, SplitPane split,
                          Region canvas) {
        this.bottomTabs = bottomTabs;
        this.dashboardTab = dashboardTab;
        this.dashboard = dashboard;
        this.scroll = scroll;
        this.split = split;
        this.canvas = canvas;
        this.divider = split.getDividers().get(split.getDividers().size() - 1);
    }

    /**
     * Shows {@code dashboard} in {@code dashboardTab} of {@code bottomTabs}, the last item of the
     * vertical {@code split} below {@code canvas}, and moves the split's last divider up whenever the
     * dashboard lacks height.
     */
    static void install(TabPane bottomTabs, Tab dashboardTab, TrainingDashboard dashboard, SplitPane split, Region canvas) {
        ScrollPane scroll = new LiveScrollPane(dashboard);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true); // and no smaller than the dashboard's least height: below it, the scroll bar shows
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(STYLE_CLASS);
        dashboardTab.setContent(scroll);
        DashboardRoom room = new DashboardRoom(bottomTabs, dashboardTab, dashboard, scroll, split, canvas);
        InvalidationListener fit = obs -> room.fit();
        dashboard.leastHeightProperty().addListener(fit);
        scroll.viewportBoundsProperty().addListener(fit);
        // A banner that came while another tab showed: the viewport is as it was when the dashboard last showed.
        // Measured once the window has put the divider where the tab wants it (its listener runs after
        // this one): measured before, a dashboard built ahead lacked the height of the designer's short
        // bottom tabs, borrowed it, and was then owed back more than its own divider gave the canvas.
        bottomTabs.getSelectionModel().selectedItemProperty().addListener(obs -> Platform.runLater(room::fit));
        room.divider.positionProperty().addListener((obs, was, is) -> room.dividerMoved(is.doubleValue()));
        dashboard.settingsShownProperty().addListener((obs, was, shown) -> {
            if (!shown) room.lent = 0;
        });
        room.fit();
    }

    private void fit() {
        double viewport = scroll.getViewportBounds().getHeight();
        double length = split.getHeight() - split.snappedTopInset() - split.snappedBottomInset();
        if (bottomTabs.getSelectionModel().getSelectedItem() != dashboardTab || viewport <= 0 || length <= 0) {
            return;
        }
        double lack = dashboard.leastHeightProperty().get() - viewport;
        boolean canvasAtLeast = canvas.getHeight() <= canvas.minHeight(-1) + SLACK;
        // The scroll bar only once the canvas has given all it can: shown while the divider moves, it
        // would narrow the dashboard for a frame, and the runs table keeps the narrower columns.
        scroll.setVbarPolicy(lack > SLACK && canvasAtLeast ? ScrollPane.ScrollBarPolicy.AS_NEEDED : ScrollPane.ScrollBarPolicy.NEVER);
        if (lack > SLACK && !canvasAtLeast) {
            // Down to the canvas's least height: what is left of the lack then scrolls.
            double taken = Math.min(Math.ceil(lack), Math.floor(canvas.getHeight() - canvas.minHeight(-1)));
            moveDivider(-taken / length);
            lent += taken;
        } else if (lack < -SLACK && lent > 0) {
            double back = Math.min(lent, Math.floor(-lack));
            moveDivider(back / length);
            lent -= back;
        }
    }

    private void moveDivider(double by) {
        placed = Math.max(0, Math.min(1, divider.getPosition() + by));
        divider.setPosition(placed);
    }

    /** A divider the person moved is their layout: the canvas's loan is forgiven. */
    private void dividerMoved(double position) {
        if (Double.isNaN(placed) || Math.abs(position - placed) * split.getHeight() > 1.5) {
            lent = 0;
            placed = Double.NaN;
        }
    }
}
