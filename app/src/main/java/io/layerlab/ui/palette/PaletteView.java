package io.layerlab.ui.palette;

import atlantafx.base.controls.CustomTextField;
import io.layerlab.catalog.Category;
import io.layerlab.ui.support.DragFormats;
import io.layerlab.ui.support.StyleClasses;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The palette on the left: a search field and the catalog as a tree of groups. Entries are
 * dragged onto the canvas, or double-clicked (or Enter) to add them at the canvas centre.
 */
public final class PaletteView {
    private final PaletteViewModel model;

    @FXML private CustomTextField search;
    @FXML private TreeView<Object> tree;
    @FXML private Label noMatches;

    public PaletteView(PaletteViewModel model) { this.model = model; }

    @FXML
    private void initialize() {
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) search.clear();
            if (e.getCode() == KeyCode.DOWN) { tree.requestFocus(); selectFirstEntry(); e.consume(); }
            if (e.getCode() == KeyCode.ENTER) { selectFirstEntry(); addSelected(); e.consume(); }
        });
        tree.setRoot(new TreeItem<>());
        tree.setCellFactory(t -> new PaletteCell());
        tree.setOnKeyPressed(e -> { if (e.getCode() == KeyCode.ENTER) addSelected(); });
        model.groupsProperty().addListener((obs, old, groups) -> show(groups));
        show(model.groups());
    }

    private void show(List<PaletteGroup> groups) {
        TreeItem<Object> root = tree.getRoot();
        root.getChildren().clear();
        for (PaletteGroup g : groups) {
            TreeItem<Object> group = new TreeItem<>(g);
            group.setExpanded(true);
            for (PaletteEntry e : g.entries()) group.getChildren().add(new TreeItem<>(e));
            root.getChildren().add(group);
        }
        boolean empty = groups.isEmpty();
        noMatches.setVisible(empty);
        noMatches.setManaged(empty);
    }

    private void selectFirstEntry() {
        if (tree.getSelectionModel().getSelectedItem() != null
                && tree.getSelectionModel().getSelectedItem().getValue() instanceof PaletteEntry) return;
        for (TreeItem<Object> group : tree.getRoot().getChildren()) {
            if (!group.getChildren().isEmpty()) { tree.getSelectionModel().select(group.getChildren().get(0)); return; }
        }
    }

    private void addSelected() {
        TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
        if (item != null && item.getValue() instanceof PaletteEntry entry) model.addToGraph(entry);
    }

    static Ikon iconOf(Category category) {
        return switch (category) {
            case CORE -> MaterialDesignL.LAYERS_OUTLINE;
            case CONVOLUTION -> MaterialDesignG.GRID;
            case RECURRENT -> MaterialDesignR.REPEAT;
            case ATTENTION -> MaterialDesignE.EYE_OUTLINE;
            case MERGE -> MaterialDesignC.CALL_MERGE;
            case ACTIVATIONS -> MaterialDesignC.CHART_BELL_CURVE;
        };
    }

    private final class PaletteCell extends TreeCell<Object> {
        private final Label title = new Label();
        private final Label summary = new Label();
        private final FontIcon icon = new FontIcon();
        private final HBox entryGraphic;
        /** The entry's details, made when the pointer first enters the cell (see {@link io.layerlab.ui.support.HoverTooltips}). */
        private Tooltip tooltip;

        PaletteCell() {
            title.getStyleClass().add(StyleClasses.PALETTE_ENTRY_NAME);
            summary.getStyleClass().add(StyleClasses.PALETTE_ENTRY_SUMMARY);
            entryGraphic = new HBox(8, icon, new VBox(title, summary));
            entryGraphic.getStyleClass().add(StyleClasses.PALETTE_ENTRY);
            // No horizontal scrolling: long summaries are cut with an ellipsis, the tooltip has them whole.
            setPrefWidth(0);
            addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                if (tooltip == null && getItem() instanceof PaletteEntry entry) {
                    tooltip = detailsTooltip();
                    tooltip.setText(entry.details());
                    setTooltip(tooltip);
                }
            });

            setOnDragDetected(e -> {
                if (!(getItem() instanceof PaletteEntry entry) || e.getButton() != MouseButton.PRIMARY) return;
                Dragboard board = startDragAndDrop(TransferMode.COPY);
                ClipboardContent content = new ClipboardContent();
                content.put(entry.kind() == PaletteEntry.Kind.LAYER ? DragFormats.LAYER_TYPE : DragFormats.ACTIVATION, entry.name());
                content.putString(entry.name());
                board.setContent(content);
                board.setDragView(entryGraphic.snapshot(null, null));
                e.consume();
            });
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() instanceof PaletteEntry entry) {
                    model.addToGraph(entry);
                    e.consume();
                }
            });
        }

        private static Tooltip detailsTooltip() {
            Tooltip details = new Tooltip();
            details.setWrapText(true);
            details.setMaxWidth(360);
            details.setShowDelay(Duration.millis(400));
            details.setShowDuration(Duration.seconds(30));
            return details;
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(StyleClasses.PALETTE_GROUP);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
            } else if (item instanceof PaletteGroup group) {
                getStyleClass().add(StyleClasses.PALETTE_GROUP);
                setText(group.category().label());
                setGraphic(new FontIcon(iconOf(group.category())));
                setTooltip(null);
            } else if (item instanceof PaletteEntry entry) {
                setText(null);
                title.setText(entry.title());
                summary.setText(entry.summary());
                icon.setIconCode(entry.kind() == PaletteEntry.Kind.ACTIVATION
                        ? MaterialDesignC.CHART_BELL_CURVE : iconOf(entry.category()));
                if (tooltip != null) tooltip.setText(entry.details());
                setTooltip(tooltip);
                setGraphic(entryGraphic);
            }
        }
    }
}
