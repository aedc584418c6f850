package io.layerlab.ui.canvas;

import io.layerlab.graph.Node;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.LayerInfo;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An Activation node as a small pill with the function's name ("ReLU"), so a standalone
 * non-linearity reads differently from a layer. Its id and output shape are in the tooltip; the
 * shape is also on the wire leaving it.
 */
final class ActivationPillView extends NodeView {
    private static final double HEIGHT = 2 * PORT_Y;
    private static final double PAD_LEFT = 10;
    private static final double PAD_RIGHT = 14;
    private static final double GAP = 5;

    private final FontIcon icon = new FontIcon("mdi2f-function-variant");
    private final Text name = text("pill-name");
    private final Text params = text("pill-params");
    private final Text count = text("pill-params");
    private FontIcon badge;

    ActivationPillView(Node node) {
        super(node);
        getStyleClass().add("activation-pill");
        icon.getStyleClass().add("pill-icon");
        icon.setTextOrigin(VPos.TOP);
        getChildren().addAll(0, List.of(icon, name, params, count));
    }

    @Override protected void showContent(Node node, LayerInfo info) {
        String fn = NodeCaptions.activationName(node);
        name.setText(fn == null ? "Activation" : fn);
        params.setText(NodeCaptions.keyParams(node));
        // Only PReLU learns parameters; saying "0 params" on every pill would be noise.
        boolean learns = info != null && info.params() > 0;
        count.setText(learns ? NodeCaptions.paramCountLabel(info.params()) : "");
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
            getChildren().add(getChildren().indexOf(count) + 1, badge);
        }
        badge.setIconLiteral(problems.stream().anyMatch(Diagnostic::isError) ? "mdi2a-alert-circle" : "mdi2a-alert");
        badge.setVisible(true);
        requestLayout();
    }

    @Override protected String description(Node node, LayerInfo info) {
        String shape = info == null || info.output() == null ? "unknown until it is wired" : info.output().label();
        return "Activation '" + node.id() + "' applies " + name.getText() + " to every value.\nOutput: " + shape;
    }

    @Override protected void showDetail(boolean detailed) {
        params.setVisible(detailed && !params.getText().isEmpty());
        count.setVisible(detailed && !count.getText().isEmpty());
    }

    private List<Text> row() {
        List<Text> row = new java.util.ArrayList<>(List.of(icon, name));
        if (!params.getText().isEmpty()) row.add(params);
        if (!count.getText().isEmpty()) row.add(count);
        if (badge != null && badge.isVisible()) row.add(badge);
        return row;
    }

    @Override protected double bodyWidth() {
        double w = PAD_LEFT + PAD_RIGHT - GAP;
        for (Text t : row()) w += t.getLayoutBounds().getWidth() + GAP;
        return Math.max(w, gaugesWidth(PAD_RIGHT));
    }

    /** The pill's row, and under it the gauges while the node shows training statistics. */
    @Override protected double bodyHeight() { return HEIGHT + gaugesHeight(); }

    @Override protected void layoutBody(double width, double height) {
        double x = PAD_LEFT;
        for (Text t : row()) {
            t.relocate(Math.round(x), Math.round((HEIGHT - t.getLayoutBounds().getHeight()) / 2));
            x += t.getLayoutBounds().getWidth() + GAP;
        }
        layoutGauges(width, height, PAD_RIGHT);
    }

    private static Text text(String styleClass) {
        Text t = new Text();
        t.getStyleClass().add(styleClass);
        t.setTextOrigin(VPos.TOP);
        return t;
    }
}
