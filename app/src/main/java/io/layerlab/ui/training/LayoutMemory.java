package io.layerlab.ui.training;

import java.util.Objects;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.SplitPane;

/**
 * Remembers where the person left splitters and folds between sessions, in a preferences node:
 * each is restored when attached and stored whenever it changes.
 */
public final class LayoutMemory {
    private final Preferences node;

    public LayoutMemory(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** Restores {@code pane}'s dividers from {@code key}0, {@code key}1, … and stores them from now on. */
    public void split(SplitPane pane, String key) {
        for (int i = 0; i < pane.getDividers().size(); i++) {
            SplitPane.Divider divider = pane.getDividers().get(i);
            String name = key + i;
            double saved = node.getDouble(name, Double.NaN);
            if (saved > 0 && saved < 1) {
                divider.setPosition(saved);
            }
            divider.positionProperty().addListener((obs, was, is) -> node.putDouble(name, is.doubleValue()));
        }
    }

    /** Restores {@code state} from {@code key} and stores it from now on. */
    public void toggle(BooleanProperty state, String key) {
        state.set(node.getBoolean(key, state.get()));
        state.addListener((obs, was, is) -> node.putBoolean(key, is));
    }

    public double number(String key, double fallback) {
        double saved = node.getDouble(key, Double.NaN);
        return Double.isNaN(saved) ? fallback : saved;
    }

    public void putNumber(String key, double value) {
        node.putDouble(key, value);
    }

    public boolean flag(String key, boolean fallback) {
        return node.getBoolean(key, fallback);
    }

    public void putFlag(String key, boolean value) {
        node.putBoolean(key, value);
    }

    /** A node below this one, for a part of the window with its own names. */
    public LayoutMemory child(String name) {
        return new LayoutMemory(node.node(name));
    }
}
