package io.layerlab.shape;

import io.layerlab.catalog.Catalog;
import io.layerlab.graph.Node;
import java.util.List;

/**
 * What a {@link LayerRule} sees of one node: its checked parameters, the shapes wired into it
 * (all known, in port order) and where to report problems, with the common wrong-input messages.
 */
final class NodeContext {
    private final Node node;
    private final NodeParams params;
    private final List<TensorShape> inputs;
    private final List<Node> sources;
    private final Diagnostics out;

    NodeContext(Node node, NodeParams params, List<TensorShape> inputs, List<Node> sources, Diagnostics out) {
        this.node = node;
        this.params = params;
        this.inputs = inputs;
        this.sources = sources;
        this.out = out;
    }

    String id() { return node.id(); }
    String type() { return node.type(); }
    /** "Dense 'dense1'". */
    String label() { return Words.layer(node.type(), node.id()); }
    NodeParams params() { return params; }
    /** The shape on port 0. */
    TensorShape input() { return inputs.get(0); }
    List<TensorShape> inputs() { return inputs; }
    /** The nodes wired in, in the same order as {@link #inputs()}. */
    List<Node> sources() { return sources; }

    void error(DiagnosticCode code, String param, String message, String hint) {
        out.error(code, node.id(), param, message, hint);
    }

    void warning(DiagnosticCode code, String param, String message, String hint) {
        out.warning(code, node.id(), param, message, hint);
    }

    /** The shape builders check sizes: null (after reporting) when a dimension exceeds what an int holds. */
    TensorShape features(long n) {
        if (!fits(n)) return null;
        return TensorShape.features((int) n);
    }

    TensorShape sequence(long t, long f) {
        if (!fits(t) || !fits(f)) return null;
        return TensorShape.sequence((int) t, (int) f);
    }

    TensorShape image(long h, long w, long c) {
        if (!fits(h) || !fits(w) || !fits(c)) return null;
        return TensorShape.image((int) h, (int) w, (int) c);
    }

    private boolean fits(long n) {
        if (n >= 1 && n <= Integer.MAX_VALUE) return true;
        if (n < 1) {
            error(DiagnosticCode.SHAPE_MISMATCH, null, label() + " would output a dimension of size " + n,
                    "every dimension must be at least 1: check the sizes and strides before it");
        } else {
            error(DiagnosticCode.TOO_LARGE, null, label() + " would output a dimension of " + Words.number(n)
                    + " values, more than one array can hold", "make its input smaller first");
        }
        return false;
    }

    /** Dense and Output take a flat feature vector; says what to put in between otherwise. */
    boolean expectFeatures() {
        TensorShape in = input();
        switch (in.kind()) {
            case FEATURES:
                return true;
            case IMAGE:
                error(DiagnosticCode.WRONG_INPUT_KIND, null,
                        label() + " is fed " + Words.shape(in) + ", but it takes a flat feature vector",
                        "put a Flatten (gives " + Words.number(in.size()) + " features) or a GlobalAveragePooling2D (gives "
                                + Words.number(in.channels()) + ") before it");
                return false;
            default:
                String fromRnn = recurrentSourceReturningSequences();
                String hint = fromRnn != null
                        ? "set returnSequences=false on '" + fromRnn + "' to keep only the last step, or put a Flatten (gives "
                                + Words.number(in.size()) + " features) before it"
                        : "put a Flatten (gives " + Words.number(in.size()) + " features) before it, or an LSTM or SimpleRNN with "
                                + "returnSequences=false";
                if (type().equals("Output")) hint += "; to predict at every step use SequenceOutput instead";
                error(DiagnosticCode.WRONG_INPUT_KIND, null,
                        label() + " is fed " + Words.shape(in) + ", but it takes a flat feature vector", hint);
                return false;
        }
    }

    /** Convolution and pooling take an image [h, w, c]. */
    boolean expectImage() {
        TensorShape in = input();
        if (in.kind() == TensorShape.Kind.IMAGE) return true;
        String hint = in.kind() == TensorShape.Kind.FEATURES
                ? "give the Input an image shape like [28, 28, 1], and keep " + type() + " before any Flatten or Dense"
                : "give the Input an image shape like [28, 28, 1]; sequences go to SimpleRNN or LSTM";
        error(DiagnosticCode.WRONG_INPUT_KIND, null,
                label() + " is fed " + Words.shape(in) + ", but it needs an image [h, w, c]", hint);
        return false;
    }

    /** Recurrent layers and SequenceOutput take a sequence [t, f]. */
    boolean expectSequence() {
        TensorShape in = input();
        if (in.kind() == TensorShape.Kind.SEQUENCE) return true;
        String hint;
        String fromRnn = recurrentSourceNotReturningSequences();
        if (fromRnn != null) {
            hint = "set returnSequences=true on '" + fromRnn + "' so that every step is passed on";
        } else if (type().equals("SequenceOutput") && in.kind() == TensorShape.Kind.FEATURES) {
            hint = "use Output for one prediction per example, or feed it a sequence [t, f]";
        } else {
            hint = "give the Input a sequence shape [t, f]: t time steps of f features each";
        }
        error(DiagnosticCode.WRONG_INPUT_KIND, null,
                label() + " is fed " + Words.shape(in) + ", but it needs a sequence [t, f]", hint);
        return false;
    }

    private String recurrentSourceReturningSequences() {
        Node src = sources.get(0);
        return isRecurrent(src) && Boolean.TRUE.equals(returnSequences(src)) ? src.id() : null;
    }

    private String recurrentSourceNotReturningSequences() {
        Node src = sources.get(0);
        return isRecurrent(src) && Boolean.FALSE.equals(returnSequences(src)) ? src.id() : null;
    }

    private static boolean isRecurrent(Node n) {
        return n.type().equals("SimpleRNN") || n.type().equals("LSTM") || n.type().equals("GRU");
    }

    private static Object returnSequences(Node n) {
        return Catalog.effectiveParam(n.type(), n.params(), "returnSequences");
    }
}
