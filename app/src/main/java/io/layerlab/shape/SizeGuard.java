package io.layerlab.shape;

/**
 * Refuses networks too large to build, before anything is allocated. The estimate is the worst
 * case of the optimisers on offer: float32 weights plus Adam's two moment estimates (12 bytes per
 * parameter) and the activations of one example forward and backward (8 bytes per value). A
 * layer above {@link #LIMIT_BYTES} on its own is reported at that layer; otherwise a network
 * above it as a whole is reported at its largest layer.
 */
final class SizeGuard {
    static final long LIMIT_BYTES = ShapeInference.MEMORY_LIMIT_BYTES;
    private static final int BYTES_PER_PARAM = MemoryEstimate.BYTES_PER_VALUE * (1 + MemoryEstimate.updaterSlots("adam"));
    private static final int BYTES_PER_ACTIVATION = MemoryEstimate.BYTES_PER_VALUE * 2;

    private SizeGuard() { }

    static void check(GraphIndex index, LayerInfo[] infos, Diagnostics out) {
        long total = 0;
        int largest = -1;
        long largestBytes = -1;
        boolean reported = false;
        for (int i = 0; i < infos.length; i++) {
            LayerInfo info = infos[i];
            if (info == null) continue;
            long paramBytes = Sizes.mul(info.params(), BYTES_PER_PARAM);
            long activationBytes = info.output() == null ? 0 : Sizes.mul(info.output().size(), BYTES_PER_ACTIVATION);
            long bytes = Sizes.add(paramBytes, activationBytes);
            total = Sizes.add(total, bytes);
            if (bytes > largestBytes) {
                largestBytes = bytes;
                largest = i;
            }
            if (bytes > LIMIT_BYTES) {
                reportLayer(info, paramBytes, activationBytes, out);
                reported = true;
            }
        }
        if (!reported && total > LIMIT_BYTES) {
            LayerInfo big = infos[largest];
            out.error(DiagnosticCode.TOO_LARGE, big.nodeId(), null,
                    "the network would need " + about(total) + " (weights with Adam's state, and one example's activations), "
                            + "more than the " + MemoryEstimate.format(LIMIT_BYTES) + " a model may use; its largest layer is "
                            + Words.layer(big.type(), big.nodeId()) + " (" + about(largestBytes) + ")",
                    "use fewer or smaller layers, or shrink the input first (pooling or strides)");
        }
    }

    private static void reportLayer(LayerInfo info, long paramBytes, long activationBytes, Diagnostics out) {
        String label = Words.layer(info.type(), info.nodeId());
        if (paramBytes >= activationBytes) {
            out.error(DiagnosticCode.TOO_LARGE, info.nodeId(), null,
                    label + " would have " + Words.number(info.params()) + " parameters: " + about(paramBytes)
                            + " with Adam's state, more than the " + MemoryEstimate.format(LIMIT_BYTES) + " a model may use",
                    "use fewer units or filters, or make its input smaller first (pooling, strides, a smaller layer before it)");
        } else {
            out.error(DiagnosticCode.TOO_LARGE, info.nodeId(), null,
                    label + " would output " + Words.number(info.output().size()) + " values per example (" + info.output().label()
                            + "): " + about(activationBytes) + " for one example forward and backward, more than the "
                            + MemoryEstimate.format(LIMIT_BYTES) + " a model may use",
                    "shrink it: a smaller Input, strides or pooling before it, or fewer filters");
        }
    }

    private static String about(long bytes) {
        return bytes == Long.MAX_VALUE ? "more memory than any computer has" : "about " + MemoryEstimate.format(bytes);
    }
}
