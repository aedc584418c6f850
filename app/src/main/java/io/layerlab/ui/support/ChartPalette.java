package io.layerlab.ui.support;

import io.layerlab.train.RunLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The colours charts paint on their canvases (the dashboard's, the experiments'), taken from the
 * stylesheet (styles/app.css maps them to AtlantaFX's named colours), so charts follow the light and
 * dark themes like every control does. It is an invisible node in the chart's scene graph: CSS
 * reaches it there.
 * {@link #versionProperty()} changes whenever any colour does (a theme switch), so canvases repaint.
 */
public final class ChartPalette extends Region {
    /** The style class that styles/app.css gives the colours. */
    public static final String STYLE_CLASS = "chart-palette";
    public static final int CLASS_COLOURS = 8;

    private static final StyleablePropertyFactory<ChartPalette> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final StyleableProperty<Color> plotBackground = colour("plotBackground", "-ll-plot-background", Color.WHITE);
    private final StyleableProperty<Color> grid = colour("grid", "-ll-grid-color", Color.gray(0.9));
    private final StyleableProperty<Color> axis = colour("axis", "-ll-axis-color", Color.gray(0.55));
    private final StyleableProperty<Color> text = colour("text", "-ll-text-color", Color.gray(0.35));
    private final StyleableProperty<Color> strongText = colour("strongText", "-ll-strong-text-color", Color.gray(0.1));
    private final StyleableProperty<Color> danger = colour("danger", "-ll-danger-color", Color.web("#cf222e"));
    private final StyleableProperty<Color> best = colour("best", "-ll-best-color", Color.web("#1a7f37"));
    private final List<StyleableProperty<Color>> runs = new ArrayList<>();
    private final List<StyleableProperty<Color>> classes = new ArrayList<>();
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version");

    public ChartPalette() {
        getStyleClass().add(STYLE_CLASS);
        setManaged(false);
        setVisible(false);
        String[] runDefaults = {"#4258c9", "#f3622d", "#57b757", "#9a42c8", "#41a9c9", "#fba71b", "#c84164", "#0a3069",
                "#2da44e", "#888888"};
        for (int i = 0; i < RunLog.COLOURS; i++) {
            final int index = i;
            runs.add(CSS.createStyleableColorProperty(this, "run" + (i + 1), "-ll-run-color-" + (i + 1),
                    p -> p.runs.get(index), Color.web(runDefaults[i % runDefaults.length])));
            watch(runs.get(i));
        }
        String[] classDefaults = {"#0969da", "#f3622d", "#57b757", "#9a42c8", "#fba71b", "#c84164", "#41a9c9", "#888888"};
        for (int i = 0; i < CLASS_COLOURS; i++) {
            final int index = i;
            classes.add(CSS.createStyleableColorProperty(this, "class" + (i + 1), "-ll-class-color-" + (i + 1),
                    p -> p.classes.get(index), Color.web(classDefaults[i])));
            watch(classes.get(i));
        }
        for (StyleableProperty<Color> p : List.of(plotBackground, grid, axis, text, strongText, danger, best)) {
            watch(p);
        }
    }

    private StyleableProperty<Color> colour(String name, String cssName, Color initial) {
        StyleableProperty<Color> property = CSS.createStyleableColorProperty(this, name, cssName, p -> p.property(name), initial);
        return property;
    }

    /** The factory's lookup for the fixed colours, by property name. */
    private StyleableProperty<Color> property(String name) {
        return switch (name) {
            case "plotBackground" -> plotBackground;
            case "grid" -> grid;
            case "axis" -> axis;
            case "text" -> text;
            case "strongText" -> strongText;
            case "danger" -> danger;
            case "best" -> best;
            default -> throw new IllegalArgumentException("no colour " + name);
        };
    }

    private void watch(StyleableProperty<Color> property) {
        ((javafx.beans.value.ObservableValue<?>) property).addListener((obs, was, is) -> version.set(version.get() + 1));
    }

    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public Color plotBackground() {
        return plotBackground.getValue();
    }

    public Color grid() {
        return grid.getValue();
    }

    public Color axis() {
        return axis.getValue();
    }

    public Color text() {
        return text.getValue();
    }

    public Color strongText() {
        return strongText.getValue();
    }

    public Color danger() {
        return danger.getValue();
    }

    public Color best() {
        return best.getValue();
    }

    /** The colour of the run with this colour index (see {@link RunLog#COLOURS}). */
    public Color run(int colourIndex) {
        return runs.get(Math.floorMod(colourIndex, runs.size())).getValue();
    }

    /** A colour as CSS writes it ("#1f6feb"), for an inline style. */
    public static String css(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /** The colour of class {@code label}. */
    public Color classColour(int label) {
        return classes.get(Math.floorMod(label, classes.size())).getValue();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
