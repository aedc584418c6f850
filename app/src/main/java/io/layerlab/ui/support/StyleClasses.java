package io.layerlab.ui.support;

import javafx.css.PseudoClass;

/** Style-class names used by our stylesheets (styles/app.css), as constants so Java and CSS agree. */
public final class StyleClasses {
    public static final String PALETTE = "palette";
    public static final String PALETTE_GROUP = "palette-group";
    public static final String PALETTE_ENTRY = "palette-entry";
    public static final String PALETTE_ENTRY_NAME = "palette-entry-name";
    public static final String PALETTE_ENTRY_SUMMARY = "palette-entry-summary";
    public static final String MAIN_WINDOW = "main-window";
    public static final String MAIN_TOOLBAR = "main-toolbar";
    public static final String CANVAS_SLOT = "canvas-slot";
    public static final String INSPECTOR = "inspector";
    public static final String INSPECTOR_CONTENT = "inspector-content";
    public static final String INSPECTOR_PROBLEMS = "inspector-problems";
    public static final String INSPECTOR_TITLE = "inspector-title";
    public static final String INSPECTOR_SUBTITLE = "inspector-subtitle";
    public static final String INSPECTOR_ERROR = "inspector-error";
    public static final String EXPLANATION = "explanation";
    public static final String FORMULA = "formula";
    public static final String SUMMARY_TABLE = "summary-table";
    public static final String SUMMARY_TOTALS = "summary-totals";
    public static final String NUMBER_CELL = "number-cell";
    public static final String PROBLEMS_LIST = "problems-list";
    public static final String PROBLEM_CELL = "problem-cell";
    public static final String PROBLEM_MESSAGE = "problem-message";
    public static final String PROBLEM_HINT = "problem-hint";
    public static final String PROBLEM_NODE = "problem-node";
    public static final String SEVERITY_ERROR = "severity-error";
    public static final String SEVERITY_WARNING = "severity-warning";
    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_ITEM = "status-item";
    public static final String GALLERY = "sample-gallery";
    public static final String GALLERY_CARD = "sample-card";
    public static final String GALLERY_CARD_TITLE = "sample-card-title";
    public static final String GALLERY_CARD_TEXT = "sample-card-text";
    public static final String GALLERY_TITLE = "sample-gallery-title";
    public static final String PANEL_HEADER = "panel-header";
    public static final String TRAIN_BUTTON = "train-button";

    /** A text field whose content is not a valid value (shown red; the value is not applied). */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private StyleClasses() { }
}
