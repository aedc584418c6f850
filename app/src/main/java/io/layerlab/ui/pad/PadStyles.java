package io.layerlab.ui.pad;

import javafx.css.PseudoClass;

/** Style-class names of the drawing pad (styles/pad.css), as constants so Java and CSS agree. */
final class PadStyles {
    static final String PAD = "drawing-pad";
    static final String SKETCH = "sketch-canvas";
    static final String FRAME = "sketch-frame";
    static final String SIDE = "drawing-pad-side";
    static final String CAPTION = "drawing-pad-caption";
    static final String PROBLEM = "drawing-pad-problem";
    static final String PREVIEW = "input-preview";
    static final String BARS = "probability-bars";
    static final String ROW = "probability-row";
    static final String NAME = "probability-name";
    static final String TRACK = "probability-track";
    static final String BAR = "probability-bar";
    static final String VALUE = "probability-value";
    static final String PLACEHOLDER = "probability-placeholder";

    /** The row of the most probable class. */
    static final PseudoClass TOP = PseudoClass.getPseudoClass("top");

    private PadStyles() { }
}
