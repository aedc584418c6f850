package io.layerlab.ui.canvas;

import io.layerlab.graph.Node;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.LayerInfo;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An Activation node as a small pill with the function's name ("ReLU"), so a standalone
 * non-linearity reads differently from a layer. Its id and output shape are in the tooltip; the
 * shape is also on the wire leaving it.
 */
final class ActivationPillView extends NodeView {
    private final Label name = new Label();
    private final Label params = new Label();
    private final Label count = new Label();
    private final FontIcon badge = new FontIcon();
    private boolean detailed = true;

    ActivationPillView(Node node) {
        this(node, new HBox());
    }

    private ActivationPillView(Node node, HBox body) {
        super(node, body);
        getStyleClass().add("activation-pill");
        FontIcon icon = new FontIcon("mdi2f-function-variant");
        icon.getStyleClass().add("pill-icon");
        name.getStyleClass().add("pill-name");
        params.getStyleClass().add("pill-params");
        count.getStyleClass().add("pill-params");
        badge.getStyleClass().add("problem-badge");
        for (Label l : List.of(name, params, count)) l.setMinWidth(Region.USE_PREF_SIZE);
        body.setAlignment(Pos.CENTER_LEFT);
        body.setMinHeight(2 * PORT_Y);
        body.setPrefHeight(2 * PORT_Y);
        body.setMaxHeight(2 * PORT_Y);
        body.getChildren().addAll(icon, name, params, count, badge);
        badge.setVisible(false);
        badge.setManaged(false);
    }

    @Override protected void showContent(Node node, LayerInfo info) {
        String fn = NodeCaptions.activationName(node);
        name.setText(fn == null ? "Activation" : fn);
        String key = NodeCaptions.keyParams(node);
        params.setText(key);
        params.setManaged(!key.isEmpty());
        // Only PReLU learns parameters; saying "0 params" on every pill would be noise.
        boolean learns = info != null && info.params() > 0;
        count.setText(learns ? NodeCaptions.paramCountLabel(info.params()) : "");
        count.setManaged(learns);
        setDetailed(detailed);
    }

    @Override protected void showProblems(List<Diagnostic> problems) {
        boolean any = !problems.isEmpty();
        badge.setIconLiteral(problems.stream().anyMatch(Diagnostic::isError) ? "mdi2a-alert-circle" : "mdi2a-alert");
        badge.setVisible(any);
        badge.setManaged(any);
    }

    @Override protected String description(Node node, LayerInfo info) {
        String shape = info == null || info.output() == null ? "unknown until it is wired" : info.output().label();
        return "Activation '" + node.id() + "' applies " + name.getText() + " to every value.\nOutput: " + shape;
    }

    @Override void setDetailed(boolean detailed) {
        this.detailed = detailed;
        params.setVisible(detailed && params.isManaged());
        count.setVisible(detailed && count.isManaged());
    }
}
