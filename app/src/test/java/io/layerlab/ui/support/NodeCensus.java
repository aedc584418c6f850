package io.layerlab.ui.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Counts a scene graph's nodes by subtree: JavaFX walks every node (hidden ones too) to update
 * bounds in each pulse that changes anything, so a large subtree costs every such pulse.
 */
public final class NodeCensus {
    private NodeCensus() { }

    /** Nodes under and including {@code node}. */
    public static int count(Node node) {
        int n = 1;
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) n += count(child);
        }
        return n;
    }

    /** The subtrees of at least {@code least} nodes, to {@code depth} levels, with whether each is showing. */
    public static String report(Node root, int least, int depth) {
        List<String> lines = new ArrayList<>();
        walk(root, least, depth, "", lines);
        return String.join("\n", lines);
    }

    private static void walk(Node node, int least, int depth, String indent, List<String> lines) {
        int n = count(node);
        if (n < least) return;
        lines.add(String.format(Locale.ROOT, "%s%6d  %s%s%s", indent, n, node.getClass().getSimpleName(),
                node.getId() == null ? "" : " #" + node.getId(), node.isVisible() ? "" : " (hidden)"));
        if (depth > 0 && node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) walk(child, least, depth - 1, indent + "  ", lines);
        }
    }
}
