package io.layerlab.ui.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * A row of small gauges at the bottom of a node ({@link LayerGauges}): per measure a caption
 * ("grad", "dead", "sat", "step") over a bar filled to its value and coloured by its level
 * (pseudo-classes {@code :healthy}, {@code :caution}, {@code :warning} on the fill). A new sample
 * with the same measures only resizes and recolours the fills: no layout pass.
 */
final class GaugeStrip extends Region {
    static final String STYLE_CLASS = "node-gauges";
    static final double BAR_HEIGHT = 5;
    private static final double CAPTION_GAP = 2;
    private static final double CELL_GAP = 8;
    /** Narrowest a cell may be; the strip asks its node for at least this much per gauge. */
    static final double MIN_CELL = 30;

    private static final PseudoClass HEALTHY = PseudoClass.getPseudoClass("healthy");
    private static final PseudoClass CAUTION = PseudoClass.getPseudoClass("caution");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    /** One gauge's scene nodes. */
    private record Cell(LayerGauges.Measure measure, Text caption, Rectangle track, Rectangle fill) { }

    private final List<Cell> cells = new ArrayList<>();
    private LayerGauges shown;

    GaugeStrip() {
        getStyleClass().add(STYLE_CLASS);
        setMouseTransparent(true);
    }

    /**
     * Shows these gauges.
     *
     * @return true when the measures changed, so the strip needs laying out again
     */
    boolean show(LayerGauges gauges) {
        boolean rebuilt = !gauges.measures().equals(shownMeasures());
        if (rebuilt) rebuild(gauges.measures());
        shown = gauges;
        for (int i = 0; i < cells.size(); i++) paint(cells.get(i), gauges.gauges().get(i));
        return rebuilt;
    }

    LayerGauges shown() { return shown; }

    /** The level each shown measure is drawn at (read back from the fills' pseudo-classes). */
    LayerGauges.Level levelShown(LayerGauges.Measure measure) {
        for (Cell c : cells) {
            if (c.measure() != measure) continue;
            if (c.fill().getPseudoClassStates().contains(WARNING)) return LayerGauges.Level.WARNING;
            if (c.fill().getPseudoClassStates().contains(CAUTION)) return LayerGauges.Level.CAUTION;
            if (c.fill().getPseudoClassStates().contains(HEALTHY)) return LayerGauges.Level.HEALTHY;
        }
        return null;
    }

    /** Share of its track a measure's fill covers, 0 to 1 (NaN when not shown or not laid out). */
    double fillShown(LayerGauges.Measure measure) {
        for (Cell c : cells) {
            if (c.measure() == measure && c.track().getWidth() > 0) return c.fill().getWidth() / c.track().getWidth();
        }
        return Double.NaN;
    }

    private List<LayerGauges.Measure> shownMeasures() {
        return cells.stream().map(Cell::measure).toList();
    }

    private void rebuild(List<LayerGauges.Measure> measures) {
        getChildren().clear();
        cells.clear();
        for (LayerGauges.Measure m : measures) {
            Text caption = new Text(m.caption());
            caption.getStyleClass().add("gauge-caption");
            caption.setTextOrigin(VPos.TOP);
            Rectangle track = new Rectangle(0, BAR_HEIGHT);
            track.getStyleClass().add("gauge-track");
            Rectangle fill = new Rectangle(0, BAR_HEIGHT);
            fill.getStyleClass().add("gauge-fill");
            // Unmanaged: a new value resizes the fill without asking the node for a layout pass.
            fill.setManaged(false);
            cells.add(new Cell(m, caption, track, fill));
            getChildren().addAll(caption, track, fill);
        }
        requestLayout();
    }

    private void paint(Cell cell, LayerGauges.Gauge gauge) {
        cell.fill().pseudoClassStateChanged(HEALTHY, gauge.level() == LayerGauges.Level.HEALTHY);
        cell.fill().pseudoClassStateChanged(CAUTION, gauge.level() == LayerGauges.Level.CAUTION);
        cell.fill().pseudoClassStateChanged(WARNING, gauge.level() == LayerGauges.Level.WARNING);
        cell.caption().pseudoClassStateChanged(WARNING, gauge.level() == LayerGauges.Level.WARNING);
        sizeFill(cell, gauge);
    }

    /** A visible sliver even at zero, so an empty gauge still shows its colour. */
    private static void sizeFill(Cell cell, LayerGauges.Gauge gauge) {
        double w = cell.track().getWidth();
        cell.fill().setWidth(w <= 0 ? 0 : Math.max(2, Math.round(w * gauge.fill())));
    }

    @Override protected double computePrefWidth(double height) { return cells.size() * MIN_CELL + Math.max(0, cells.size() - 1) * CELL_GAP; }

    @Override protected double computeMinWidth(double height) { return computePrefWidth(height); }

    @Override protected double computePrefHeight(double width) { return captionHeight() + CAPTION_GAP + BAR_HEIGHT; }

    @Override protected double computeMinHeight(double width) { return computePrefHeight(width); }

    private double captionHeight() {
        double h = 0;
        for (Cell c : cells) h = Math.max(h, c.caption().getLayoutBounds().getHeight());
        return h;
    }

    @Override protected void layoutChildren() {
        if (cells.isEmpty()) return;
        double cellWidth = Math.floor((getWidth() - (cells.size() - 1) * CELL_GAP) / cells.size());
        double barY = captionHeight() + CAPTION_GAP;
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            double x = i * (cellWidth + CELL_GAP);
            c.caption().relocate(x, 0);
            c.track().setX(x);
            c.track().setY(barY);
            c.track().setWidth(cellWidth);
            c.fill().setX(x);
            c.fill().setY(barY);
            if (shown != null) sizeFill(c, shown.gauges().get(i));
        }
    }
}
