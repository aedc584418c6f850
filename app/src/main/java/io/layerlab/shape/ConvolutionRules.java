package io.layerlab.shape;

import io.layerlab.shape.LayerRule.Inferred;
import java.util.List;
import java.util.Map;

/**
 * Conv2D, MaxPooling2D, AveragePooling2D and GlobalAveragePooling2D, as DL4J computes them:
 * padding valid is ConvolutionMode.Truncate, out = floor((in - k) / s) + 1; padding same is
 * ConvolutionMode.Same, out = ceil(in / s). Pooling does no multiply-adds.
 */
final class ConvolutionRules {
    private ConvolutionRules() { }

    static void register(Map<String, LayerRule> rules) {
        rules.put("Conv2D", ConvolutionRules::conv2d);
        rules.put("MaxPooling2D", ConvolutionRules::pooling);
        rules.put("AveragePooling2D", ConvolutionRules::pooling);
        rules.put("GlobalAveragePooling2D", ConvolutionRules::globalAveragePooling);
    }

    /** kh*kw*c_in*filters weights + filters biases; out_h*out_w*filters*kh*kw*c_in multiply-adds. */
    private static Inferred conv2d(NodeContext n) {
        if (!n.expectImage()) return null;
        TensorShape in = n.input();
        List<Integer> kernel = n.params().ints("kernel");
        List<Integer> stride = n.params().ints("stride");
        boolean same = n.params().string("padding").equals("same");
        int kh = kernel.get(0);
        int kw = kernel.get(1);
        if (!same && !fitsWindow(n, "kernel", "a " + Words.pair(kh, kw) + " kernel", kh, kw, stride)) return null;
        long outH = outSize(in.height(), kh, stride.get(0), same);
        long outW = outSize(in.width(), kw, stride.get(1), same);
        long filters = n.params().integer("filters");
        long cIn = in.channels();
        TensorShape out = n.image(outH, outW, filters);
        if (out == null) return null;
        long weights = Sizes.mul(kh, kw, cIn, filters);
        return new Inferred(out, Sizes.add(weights, filters), Sizes.mul(Sizes.mul(outH, outW), weights));
    }

    private static Inferred pooling(NodeContext n) {
        if (!n.expectImage()) return null;
        TensorShape in = n.input();
        List<Integer> pool = n.params().ints("pool");
        List<Integer> stride = n.params().ints("stride");
        boolean same = n.params().string("padding").equals("same");
        int ph = pool.get(0);
        int pw = pool.get(1);
        if (!same && !fitsWindow(n, "pool", "a " + Words.pair(ph, pw) + " pool", ph, pw, stride)) return null;
        TensorShape out = n.image(outSize(in.height(), ph, stride.get(0), same),
                outSize(in.width(), pw, stride.get(1), same), in.channels());
        return out == null ? null : new Inferred(out, 0, 0);
    }

    private static Inferred globalAveragePooling(NodeContext n) {
        if (!n.expectImage()) return null;
        return new Inferred(TensorShape.features(n.input().channels()), 0, 0);
    }

    private static long outSize(int in, int window, int stride, boolean same) {
        return same ? (in + (long) stride - 1) / stride : Math.floorDiv(in - window, stride) + 1L;
    }

    /** With padding valid the window must fit inside the image, or the output would be empty. */
    private static boolean fitsWindow(NodeContext n, String param, String what, int wh, int ww, List<Integer> stride) {
        TensorShape in = n.input();
        if (wh <= in.height() && ww <= in.width()) return true;
        long outH = outSize(in.height(), wh, stride.get(0), false);
        long outW = outSize(in.width(), ww, stride.get(1), false);
        n.error(DiagnosticCode.KERNEL_TOO_LARGE, param,
                n.label() + " has " + what + " but its input is only " + Words.pair(in.height(), in.width())
                        + ", so with padding valid its output would be " + outH + "×" + outW,
                "use a " + param + " of at most " + Words.pair(in.height(), in.width())
                        + ", set padding to same, or shrink the image less before it");
        return false;
    }
}
