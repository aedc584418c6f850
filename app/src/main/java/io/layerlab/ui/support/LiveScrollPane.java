package io.layerlab.ui.support;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ScrollPaneSkin;

/**
 * A scroll pane for content that repaints all the time (live charts, a decision boundary). The
 * default skin caches its viewport as one image; in the training dashboard every change to the
 * content threw that image away and rendered all of the viewport again, where only the changed part
 * needed painting.
 */
public class LiveScrollPane extends ScrollPane {
    public LiveScrollPane() {
    }

    public LiveScrollPane(Node content) {
        super(content);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        ScrollPaneSkin skin = new ScrollPaneSkin(this);
        for (Node child : skin.getChildren()) {
            if (child.getStyleClass().contains("viewport")) {
                child.setCache(false);
            }
        }
        return skin;
    }
}
