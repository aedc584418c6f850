package io.layerlab.ui.training;

import javafx.css.PseudoClass;

/** Style-class names of the dashboard (styles/dashboard.css), as constants so Java and CSS agree. */
final class DashboardStyles {
    static final String DASHBOARD = "training-dashboard";
    static final String CHART = "training-chart";
    static final String CHART_CURSOR = "training-chart-cursor";
    static final String CHART_READOUT = "training-chart-readout";
    static final String PANEL = "dashboard-panel";
    static final String PANEL_HEADER = "dashboard-panel-header";
    static final String PANEL_TITLE = "dashboard-panel-title";
    static final String PANEL_NOTE = "dashboard-panel-note";
    static final String BANNER = "dashboard-banner";
    static final String BANNER_TITLE = "dashboard-banner-title";
    static final String BANNER_TEXT = "dashboard-banner-text";
    static final String SETTINGS = "dashboard-settings";
    static final String SETTING_LABEL = "dashboard-setting-label";
    static final String PROGRESS_TEXT = "dashboard-progress-text";
    static final String NUMBER_CELL = "dashboard-number-cell";
    static final String CONCERN_CELL = "dashboard-concern-cell";
    static final String MATRIX = "confusion-matrix";
    static final String MATRIX_CELL = "confusion-cell";
    static final String MATRIX_FILL = "confusion-fill";
    static final String MATRIX_COUNT = "confusion-count";
    static final String MATRIX_HEADER = "confusion-header";
    static final String CHANGES = "run-changes";
    static final String PLACEHOLDER = "dashboard-placeholder";

    /** A banner that reports a failure (divergence, a network that cannot be built). */
    static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    /** A banner that reports something to fix before training. */
    static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    /** A confusion-matrix cell on the diagonal (a correct prediction). */
    static final PseudoClass DIAGONAL = PseudoClass.getPseudoClass("diagonal");
    /** A text field whose content is not a valid value. */
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private DashboardStyles() {
    }
}
