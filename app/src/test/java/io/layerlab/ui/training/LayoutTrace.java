package io.layerlab.ui.training;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * For {@link DashboardBenchmark} {@code -Dtrace=true}: after each layout pass, which nodes of the
 * dashboard moved or changed size (only the outermost of a changed subtree), with the time into the
 * run. A node that moves or resizes repaints its old and new area, and its neighbours when they move
 * with it: this names what makes a pulse's dirty region large.
 */
final class LayoutTrace {
    private static volatile Instant runStart;
    private static final Map<Node, Bounds> LAST = new IdentityHashMap<>();

    private LayoutTrace() {
    }

    static void runStarted(Instant start) {
        runStart = start;
    }

    static void attach(Parent root) {
        root.sceneProperty().addListener((obs, was, is) -> {
            if (is != null) {
                is.addPostLayoutPulseListener(() -> pulse(root));
            }
        });
        if (root.getScene() != null) {
            root.getScene().addPostLayoutPulseListener(() -> pulse(root));
        }
    }

    private static void pulse(Parent root) {
        Instant start = runStart;
        Map<Node, Bounds> now = new IdentityHashMap<>();
        collect(root, now);
        if (start != null) {
            double seconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
            List<String> changes = new ArrayList<>();
            for (Map.Entry<Node, Bounds> e : now.entrySet()) {
                Node n = e.getKey();
                Bounds was = LAST.get(n);
                if (was == null || !was.equals(e.getValue())) {
                    Node p = n.getParent();
                    boolean parentChanged = p != null && now.containsKey(p) && (LAST.get(p) == null || !LAST.get(p).equals(now.get(p)));
                    if (!parentChanged) {
                        changes.add(describe(n) + " " + text(was) + " -> " + text(e.getValue()));
                    }
                }
            }
            int gone = 0;
            for (Node n : LAST.keySet()) {
                if (!now.containsKey(n)) {
                    gone++;
                }
            }
            if (!changes.isEmpty() || gone > 0) {
                System.out.printf(Locale.ROOT, "trace %.2f s: %d changed, %d gone%n", seconds, changes.size(), gone);
                changes.stream().limit(25).forEach(c -> System.out.println("    " + c));
            }
        }
        LAST.clear();
        LAST.putAll(now);
    }

    private static void collect(Node n, Map<Node, Bounds> into) {
        if (!n.isVisible()) {
            return;
        }
        into.put(n, n.localToScene(n.getLayoutBounds()));
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, into);
            }
        }
    }

    private static String describe(Node n) {
        String id = n.getId() != null ? "#" + n.getId() : n.getStyleClass().isEmpty() ? "" : "." + String.join(".", n.getStyleClass());
        String text = n instanceof javafx.scene.control.Labeled l && l.getText() != null
                ? " '" + l.getText().substring(0, Math.min(30, l.getText().length())) + "'" : "";
        return n.getClass().getSimpleName() + id + text;
    }

    private static String text(Bounds b) {
        return b == null ? "new" : String.format(Locale.ROOT, "[%.0f,%.0f %.0fx%.0f]", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }
}
