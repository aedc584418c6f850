package io.layerlab.ui.canvas;

import io.layerlab.graph.Node;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.LayerInfo;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A layer as a card: a header in its category's colour with the type, id, its own activation
 * (a chip) and a problem marker; the key parameters; a footer with the output shape and the
 * parameter count. Laid out by hand from plain texts to keep the scene small.
 */
final class LayerCardView extends NodeView {
    private static final double MIN_WIDTH = 168;
    private static final double PAD_X = 12;
    private static final double HEADER = 2 * PORT_Y;
    private static final double GAP = 6;
    private static final double PARAMS_TOP = 6;
    private static final double FOOTER_TOP = 4;
    private static final double FOOTER_BOTTOM = 7;

    private final Region header = new Region();
    private final Text title = text("node-title");
    private final Text id = text("node-id");
    private final Label activation = new Label();
    private final Text params = text("node-params");
    private final Text shape = text("node-shape");
    private final Text count = text("node-count");
    private FontIcon badge;
    private boolean hasParams;
    private boolean hasActivation;

    LayerCardView(Node node) {
        super(node);
        getStyleClass().add("layer-card");
        header.getStyleClass().add("node-header");
        activation.getStyleClass().add("activation-chip");
        activation.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(0, List.of(header, title, id, activation, params, shape, count));
        title.setText(node.type());
        id.setText(node.id());
    }

    @Override protected void showContent(Node node, LayerInfo info) {
        String key = NodeCaptions.keyParams(node);
        params.setText(key);
        hasParams = !key.isEmpty();
        String act = NodeCaptions.activationName(node);
        activation.setText(act == null ? "" : act);
        hasActivation = act != null;
        if (info != null && info.output() != null) {
            shape.setText("→ " + info.output().label());
            shape.getStyleClass().remove("unknown");
        } else {
            shape.setText("→ ?");
            if (!shape.getStyleClass().contains("unknown")) shape.getStyleClass().add("unknown");
        }
        count.setText(info == null ? "" : NodeCaptions.paramCountLabel(info.params()));
        showDetail(isDetailed());
        requestLayout();
    }

    @Override protected void showProblems(List<Diagnostic> problems) {
        if (problems.isEmpty()) {
            if (badge != null) badge.setVisible(false);
            return;
        }
        if (badge == null) {
            badge = new FontIcon();
            badge.getStyleClass().add("problem-badge");
            badge.setTextOrigin(VPos.TOP);
            getChildren().add(getChildren().indexOf(activation) + 1, badge);
        }
        badge.setIconLiteral(problems.stream().anyMatch(Diagnostic::isError) ? "mdi2a-alert-circle" : "mdi2a-alert");
        badge.setVisible(true);
        requestLayout();
    }

    @Override protected String description(Node node, LayerInfo info) { return null; }

    @Override protected Region accentRegion() { return header; }

    @Override double accentBand() { return HEADER; }

    @Override protected void showDetail(boolean detailed) {
        // Hidden, not removed: the card keeps its size, so wires stay attached while zooming.
        params.setVisible(detailed && hasParams);
        shape.setVisible(detailed);
        count.setVisible(detailed);
        id.setVisible(detailed);
        activation.setVisible(detailed && hasActivation);
    }

    private boolean badgeShown() { return badge != null && badge.isVisible(); }

    @Override protected double bodyWidth() {
        double headerW = PAD_X + width(title) + GAP + width(id) + GAP
                + (hasActivation ? activation.prefWidth(-1) + GAP : 0)
                + (badgeShown() ? width(badge) + GAP : 0) + PAD_X - GAP;
        double paramsW = hasParams ? PAD_X + width(params) + PAD_X : 0;
        double footerW = PAD_X + width(shape) + 2 * GAP + width(count) + PAD_X;
        return Math.max(Math.max(MIN_WIDTH, gaugesWidth(PAD_X)), Math.max(headerW, Math.max(paramsW, footerW)));
    }

    @Override protected double bodyHeight() {
        double h = HEADER;
        if (hasParams) h += PARAMS_TOP + height(params);
        h += FOOTER_TOP + Math.max(height(shape), height(count));
        double gauges = gaugesHeight();
        return gauges > 0 ? h + gauges : h + FOOTER_BOTTOM;
    }

    @Override protected void layoutBody(double w, double h) {
        header.resizeRelocate(0, 0, w, HEADER);
        double mid = PORT_Y + 1.5; // the header's top accent stripe takes 3 px
        place(title, PAD_X, mid);
        place(id, PAD_X + width(title) + GAP, mid);
        double right = w - PAD_X;
        if (hasActivation) {
            double cw = activation.prefWidth(-1);
            double ch = activation.prefHeight(cw);
            right -= cw;
            activation.resizeRelocate(right, Math.round(mid - ch / 2), cw, ch);
            right -= GAP;
        }
        if (badgeShown()) {
            right -= width(badge);
            place(badge, right, mid);
        }
        double y = HEADER;
        if (hasParams) {
            y += PARAMS_TOP;
            params.relocate(PAD_X, y);
            y += height(params);
        }
        y += FOOTER_TOP;
        shape.relocate(PAD_X, y);
        count.relocate(w - PAD_X - width(count), y + (height(shape) - height(count)) / 2);
        layoutGauges(w, h, PAD_X);
    }

    /** Puts a text's left end at x with its middle at y (texts here use VPos.CENTER origins). */
    private static void place(Text t, double x, double y) {
        t.relocate(Math.round(x), Math.round(y - height(t) / 2));
    }

    private static double width(Text t) { return t.getLayoutBounds().getWidth(); }

    private static double height(Text t) { return t.getLayoutBounds().getHeight(); }

    private static Text text(String styleClass) {
        Text t = new Text();
        t.getStyleClass().add(styleClass);
        t.setTextOrigin(VPos.TOP);
        return t;
    }
}
