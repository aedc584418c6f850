package io.layerlab.keras;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * Keras 2.2 model_config and training_config JSON as Keras writes it (every field a layer's
 * get_config() returns), for building test .h5 files.
 */
public final class KerasModels {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private KerasModels() { }

    private static ObjectNode layer(String className, String name) {
        ObjectNode layer = JSON.objectNode();
        layer.put("class_name", className);
        ObjectNode config = layer.putObject("config");
        config.put("name", name);
        config.put("trainable", true);
        return layer;
    }

    private static ObjectNode config(ObjectNode layer) { return (ObjectNode) layer.get("config"); }

    private static void initializers(ObjectNode c, String... prefixes) {
        for (String p : prefixes) {
            ObjectNode init = c.putObject(p + "_initializer");
            init.put("class_name", p.equals("bias") ? "Zeros" : "VarianceScaling");
            ObjectNode ic = init.putObject("config");
            if (!p.equals("bias")) {
                ic.put("scale", 1.0);
                ic.put("mode", "fan_avg");
                ic.put("distribution", "uniform");
                ic.putNull("seed");
            }
            c.putNull(p + "_regularizer");
            c.putNull(p + "_constraint");
        }
        c.putNull("activity_regularizer");
    }

    public static ObjectNode input(String name, int... shape) {
        ObjectNode layer = JSON.objectNode();
        layer.put("class_name", "InputLayer");
        ObjectNode c = layer.putObject("config");
        ArrayNode batch = c.putArray("batch_input_shape").addNull();
        for (int d : shape) batch.add(d);
        c.put("dtype", "float32");
        c.put("sparse", false);
        c.put("name", name);
        return layer;
    }

    public static ObjectNode dense(String name, int units, String activation) {
        ObjectNode layer = layer("Dense", name);
        ObjectNode c = config(layer);
        c.put("units", units);
        c.put("activation", activation);
        c.put("use_bias", true);
        initializers(c, "kernel", "bias");
        return layer;
    }

    public static ObjectNode conv2d(String name, int filters, int kernel, int stride, String padding, String activation) {
        ObjectNode layer = layer("Conv2D", name);
        ObjectNode c = config(layer);
        c.put("filters", filters);
        c.putArray("kernel_size").add(kernel).add(kernel);
        c.putArray("strides").add(stride).add(stride);
        c.put("padding", padding);
        c.put("data_format", "channels_last");
        c.putArray("dilation_rate").add(1).add(1);
        c.put("activation", activation);
        c.put("use_bias", true);
        initializers(c, "kernel", "bias");
        return layer;
    }

    public static ObjectNode pooling(String className, String name, int pool) {
        ObjectNode layer = layer(className, name);
        ObjectNode c = config(layer);
        c.putArray("pool_size").add(pool).add(pool);
        c.putArray("strides").add(pool).add(pool);
        c.put("padding", "valid");
        c.put("data_format", "channels_last");
        return layer;
    }

    public static ObjectNode flatten(String name) {
        ObjectNode layer = layer("Flatten", name);
        config(layer).put("data_format", "channels_last");
        return layer;
    }

    public static ObjectNode dropout(String name, double rate) {
        ObjectNode layer = layer("Dropout", name);
        config(layer).put("rate", rate);
        config(layer).putNull("noise_shape");
        config(layer).putNull("seed");
        return layer;
    }

    public static ObjectNode activation(String name, String function) {
        ObjectNode layer = layer("Activation", name);
        config(layer).put("activation", function);
        return layer;
    }

    public static ObjectNode batchNormalization(String name) {
        ObjectNode layer = layer("BatchNormalization", name);
        ObjectNode c = config(layer);
        c.put("axis", -1);
        c.put("momentum", 0.99);
        c.put("epsilon", 0.001);
        c.put("center", true);
        c.put("scale", true);
        for (String p : new String[] {"beta", "gamma", "moving_mean", "moving_variance"}) {
            ObjectNode init = c.putObject(p + "_initializer");
            init.put("class_name", p.equals("gamma") || p.equals("moving_variance") ? "Ones" : "Zeros");
            init.putObject("config");
        }
        c.putNull("beta_regularizer");
        c.putNull("gamma_regularizer");
        c.putNull("beta_constraint");
        c.putNull("gamma_constraint");
        return layer;
    }

    public static ObjectNode recurrent(String className, String name, int units, boolean returnSequences) {
        ObjectNode layer = layer(className, name);
        ObjectNode c = config(layer);
        c.put("return_sequences", returnSequences);
        c.put("return_state", false);
        c.put("go_backwards", false);
        c.put("stateful", false);
        c.put("unroll", false);
        c.put("units", units);
        c.put("activation", "tanh");
        if (className.equals("GRU")) {
            c.put("recurrent_activation", "sigmoid");
            c.put("reset_after", false);
        }
        if (className.equals("LSTM")) {
            c.put("recurrent_activation", "sigmoid");
            c.put("unit_forget_bias", true);
            c.put("implementation", 1);
        }
        c.put("use_bias", true);
        initializers(c, "kernel", "recurrent", "bias");
        c.put("dropout", 0.0);
        c.put("recurrent_dropout", 0.0);
        return layer;
    }

    public static ObjectNode embedding(String name, int inputDim, int outputDim, int inputLength) {
        ObjectNode layer = layer("Embedding", name);
        ObjectNode c = config(layer);
        c.put("input_dim", inputDim);
        c.put("output_dim", outputDim);
        c.put("mask_zero", false);
        c.put("input_length", inputLength);
        initializers(c, "embeddings");
        return layer;
    }

    /** Keras' Reshape to {@code target} (one example's shape, -1 for "the rest"). */
    public static ObjectNode reshape(String name, int... target) {
        ObjectNode layer = layer("Reshape", name);
        ArrayNode shape = config(layer).putArray("target_shape");
        for (int d : target) shape.add(d);
        return layer;
    }

    public static ObjectNode prelu(String name) {
        ObjectNode layer = layer("PReLU", name);
        ObjectNode c = config(layer);
        ObjectNode init = c.putObject("alpha_initializer");
        init.put("class_name", "Zeros");
        init.putObject("config");
        c.putNull("alpha_regularizer");
        c.putNull("alpha_constraint");
        c.putNull("shared_axes");
        return layer;
    }

    public static ObjectNode merge(String className, String name) {
        ObjectNode layer = layer(className, name);
        if (className.equals("Concatenate")) config(layer).put("axis", -1);
        return layer;
    }

    public static ObjectNode other(String className, String name) {
        return layer(className, name);
    }

    /** A Sequential model: the first layer declares the input shape. */
    public static String sequential(int[] inputShape, ObjectNode... layers) {
        ObjectNode root = JSON.objectNode();
        root.put("class_name", "Sequential");
        ObjectNode config = root.putObject("config");
        config.put("name", "sequential_1");
        ArrayNode list = config.putArray("layers");
        for (int i = 0; i < layers.length; i++) {
            ObjectNode l = layers[i].deepCopy();
            if (i == 0) {
                ArrayNode batch = config(l).putArray("batch_input_shape").addNull();
                for (int d : inputShape) batch.add(d);
                config(l).put("dtype", "float32");
            }
            list.add(l);
        }
        return root.toString();
    }

    /** A functional model built layer by layer, each with the names of its inputs. */
    public static final class Functional {
        private final ObjectNode root = JSON.objectNode();
        private final ArrayNode layers;

        public Functional(String name) {
            root.put("class_name", "Model");
            ObjectNode config = root.putObject("config");
            config.put("name", name);
            layers = config.putArray("layers");
        }

        public Functional add(ObjectNode layer, String... inputs) {
            ObjectNode l = layer.deepCopy();
            l.put("name", config(l).get("name").asText());
            ArrayNode inbound = l.putArray("inbound_nodes");
            if (inputs.length > 0) {
                ArrayNode call = inbound.addArray();
                for (String in : inputs) call.addArray().add(in).add(0).add(0).addObject();
            }
            layers.add(l);
            return this;
        }

        public String json(String[] inputs, String[] outputs) {
            ObjectNode config = (ObjectNode) root.get("config");
            ArrayNode ins = config.putArray("input_layers");
            for (String in : inputs) ins.addArray().add(in).add(0).add(0);
            ArrayNode outs = config.putArray("output_layers");
            for (String out : outputs) outs.addArray().add(out).add(0).add(0);
            return root.toString();
        }
    }

    public static String trainingConfig(String loss, String optimizer, double learningRate) {
        ObjectNode root = JSON.objectNode();
        ObjectNode opt = root.putObject("optimizer_config");
        opt.put("class_name", optimizer);
        ObjectNode c = opt.putObject("config");
        c.put("lr", learningRate);
        c.put("decay", 0.0);
        root.put("loss", loss);
        root.putArray("metrics").add("accuracy");
        root.putNull("sample_weight_mode");
        root.putNull("loss_weights");
        return root.toString();
    }

    /** Seeded values in [-0.5, 0.5): weights different enough that a mix-up of layout changes outputs. */
    public static KerasH5Writer.Weight weight(String name, Random random, long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) v[i] = random.nextFloat() - 0.5f;
        return new KerasH5Writer.Weight(name, shape, v);
    }

    /** Positive values, for variances. */
    public static KerasH5Writer.Weight positive(String name, Random random, long... shape) {
        KerasH5Writer.Weight w = weight(name, random, shape);
        float[] v = w.values();
        for (int i = 0; i < v.length; i++) v[i] = 0.5f + Math.abs(v[i]);
        return w;
    }
}
