package io.layerlab.ui.canvas;

import io.layerlab.graph.Node;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.LayerInfo;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A layer as a card: a header in its category's colour with the type, id, its own activation and
 * a problem marker; the key parameters; a footer with the output shape and the parameter count.
 */
final class LayerCardView extends NodeView {
    private final Label title = label("node-title");
    private final Label id = label("node-id");
    private final Label activation = label("activation-chip");
    private final FontIcon badge = new FontIcon();
    private final Label params = label("node-params");
    private final Label shape = label("node-shape");
    private final Label count = label("node-count");
    private final HBox footer;
    private boolean detailed = true;
    private boolean hasParams;
    private boolean hasActivation;

    LayerCardView(Node node) {
        this(node, new VBox());
    }

    private LayerCardView(Node node, VBox body) {
        super(node, body);
        getStyleClass().add("layer-card");
        badge.getStyleClass().add("problem-badge");
        badge.setVisible(false);
        badge.setManaged(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(title, id, spacer, activation, badge);
        header.getStyleClass().add("node-header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.setMinHeight(2 * PORT_Y);
        header.setPrefHeight(2 * PORT_Y);
        header.setMaxHeight(2 * PORT_Y);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        footer = new HBox(shape, gap, count);
        footer.getStyleClass().add("node-footer");
        footer.setAlignment(Pos.CENTER_LEFT);
        body.getChildren().addAll(header, params, footer);
        title.setText(node.type());
        id.setText(node.id());
    }

    @Override protected void showContent(Node node, LayerInfo info) {
        String key = NodeCaptions.keyParams(node);
        params.setText(key);
        hasParams = !key.isEmpty();
        params.setManaged(hasParams);
        String act = NodeCaptions.activationName(node);
        activation.setText(act == null ? "" : act);
        hasActivation = act != null;
        activation.setManaged(hasActivation);
        setDetailed(detailed);
        if (info != null && info.output() != null) {
            shape.setText("→ " + info.output().label());
            shape.getStyleClass().remove("unknown");
        } else {
            shape.setText("→ ?");
            if (!shape.getStyleClass().contains("unknown")) shape.getStyleClass().add("unknown");
        }
        count.setText(info == null ? "" : NodeCaptions.paramCountLabel(info.params()));
    }

    @Override protected void showProblems(List<Diagnostic> problems) {
        boolean any = !problems.isEmpty();
        boolean error = problems.stream().anyMatch(Diagnostic::isError);
        badge.setIconLiteral(error ? "mdi2a-alert-circle" : "mdi2a-alert");
        badge.setVisible(any);
        badge.setManaged(any);
    }

    @Override protected String description(Node node, LayerInfo info) { return null; }

    @Override void setDetailed(boolean detailed) {
        // Hidden, not removed: the card keeps its size, so wires stay attached while zooming.
        this.detailed = detailed;
        params.setVisible(detailed && hasParams);
        footer.setVisible(detailed);
        id.setVisible(detailed);
        activation.setVisible(detailed && hasActivation);
    }

    private static Label label(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
