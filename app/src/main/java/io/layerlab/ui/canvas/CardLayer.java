package io.layerlab.ui.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;

/**
 * The node cards that are drawn, in stacking order. Only these are in the scene: JavaFX visits
 * every scene node on every pulse (bounds, state sync, the renderer's culling), shown or not, and
 * a 500-node graph's cards are some 6,000 scene nodes. Every card known to the layer keeps a
 * stacking number, so a card that scrolls out of view and back returns to its place in the stack
 * (raising a card gives it a new, highest number).
 *
 * <p>A card never laid out stays in the scene (hidden) until it has been: CSS and layout, which
 * give it its size, only run on cards in the scene.
 */
final class CardLayer extends Group {
    private final Map<NodeView, Long> stacking = new IdentityHashMap<>();
    private long nextNumber;
    /** Scene changes asked for while the cards were being laid out, made right after. */
    private final Map<NodeView, Boolean> queued = new LinkedHashMap<>();
    private boolean layingOut;

    CardLayer() {
        getStyleClass().add("node-layer");
    }

    /** A new card: on top of the stack, in the scene (hidden) so it gets its size. */
    void add(NodeView card) {
        stacking.put(card, nextNumber++);
        card.setVisible(false);
        getChildren().add(card);
    }

    /**
     * Shows the card (in the scene, at its place in the stack), or hides it: a card in the scene
     * stays there when {@code near} (in or next to the view: a card put back into the scene costs
     * a CSS pass, which a zoom would otherwise pay for every card in view, twice), else leaves it.
     * A hidden card never enters the scene: a jump across the graph would pay for all at once.
     */
    void show(NodeView card, boolean shown, boolean near) {
        if (card.isVisible() != shown) card.setVisible(shown);
        boolean inScene = shown || (near && (card.getParent() == this || queued.getOrDefault(card, false)));
        if (layingOut) {
            // Asked from a card's size listener while this layer sizes its cards: the list is being walked.
            queued.put(card, inScene);
            return;
        }
        queued.remove(card);
        belong(card, inScene);
    }

    private void belong(NodeView card, boolean shown) {
        if (!stacking.containsKey(card)) return;
        boolean in = card.getParent() == this;
        if (shown && !in) {
            getChildren().add(insertionPoint(stacking.get(card)), card);
        } else if (!shown && in && hasSize(card)) {
            getChildren().remove(card);
        }
    }

    /** Whether the card is in the scene and drawn. */
    boolean isShown(NodeView card) { return card.isVisible() && card.getParent() == this; }

    /** Puts these cards on top of all others, in the given order. */
    void raise(Collection<NodeView> cards) {
        for (NodeView card : cards) {
            stacking.put(card, nextNumber++);
            if (card.getParent() == this) card.toFront();
        }
    }

    @Override protected void layoutChildren() {
        layingOut = true;
        try {
            super.layoutChildren();
        } finally {
            layingOut = false;
        }
        if (queued.isEmpty()) return;
        Map<NodeView, Boolean> changes = new LinkedHashMap<>(queued);
        queued.clear();
        changes.forEach(this::belong);
    }

    /** Forgets a card that left the graph. */
    void remove(NodeView card) {
        queued.remove(card);
        stacking.remove(card);
        getChildren().remove(card);
    }

    void clear() {
        queued.clear();
        stacking.clear();
        getChildren().clear();
    }

    /** These cards, the topmost first. */
    List<NodeView> topmostFirst(Collection<NodeView> cards) {
        List<NodeView> sorted = new ArrayList<>(cards);
        sorted.sort(Comparator.comparingLong((NodeView v) -> stacking.getOrDefault(v, Long.MAX_VALUE)).reversed());
        return sorted;
    }

    /** Cards laid out at least once keep their size out of the scene; others must stay to get one. */
    private static boolean hasSize(NodeView card) { return card.getWidth() > 0 || card.getHeight() > 0; }

    /** Where a card with this stacking number goes among the children (kept in stacking order). */
    private int insertionPoint(long number) {
        List<javafx.scene.Node> children = getChildren();
        int low = 0;
        int high = children.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            long m = stacking.getOrDefault((NodeView) children.get(mid), Long.MAX_VALUE);
            if (m < number) low = mid + 1; else high = mid;
        }
        return low;
    }
}
