package io.layerlab.export;

/**
 * Keras layer classes a generated script defines where tf.keras has no layer that computes what
 * LayerLab's does: maxout, and self-attention as DL4J builds it (tf.keras' MultiHeadAttention
 * adds biases to every projection and sizes its output differently).
 */
final class KerasScriptClasses {
    private KerasScriptClasses() { }

    static final String MAXOUT = """
            class Maxout(layers.Layer):
                \"""Keeps the largest of each group of `pieces` consecutive values on the last axis (as LayerLab does).

                After a linear layer with pieces outputs per unit, each unit outputs the largest of its pieces.
                \"""

                def __init__(self, pieces, **kwargs):
                    super().__init__(**kwargs)
                    self.pieces = pieces

                def call(self, x):
                    grouped = [-1] + list(x.shape[1:-1]) + [x.shape[-1] // self.pieces, self.pieces]
                    return tf.reduce_max(tf.reshape(x, grouped), axis=-1)

                def get_config(self):
                    return {**super().get_config(), "pieces": self.pieces}""";

    static final String SELF_ATTENTION = """
            class SelfAttention(layers.Layer):
                \"""Self-attention as LayerLab builds it (DL4J's SelfAttentionLayer with projections).

                Each head projects every step's features to a query, a key and a value of head_size values,
                without biases; scaled dot-product attention mixes the steps; the heads' results are joined
                and projected back to the input's features, without a bias, so (t, f) gives (t, f).
                \"""

                def __init__(self, heads, head_size, **kwargs):
                    super().__init__(**kwargs)
                    self.heads = heads
                    self.head_size = head_size

                def build(self, input_shape):
                    features = input_shape[-1]
                    projection = (self.heads, self.head_size, features)
                    self.wq = self.add_weight(name="Wq", shape=projection, initializer="glorot_uniform")
                    self.wk = self.add_weight(name="Wk", shape=projection, initializer="glorot_uniform")
                    self.wv = self.add_weight(name="Wv", shape=projection, initializer="glorot_uniform")
                    self.wo = self.add_weight(name="Wo", shape=(self.heads * self.head_size, features),
                                              initializer="glorot_uniform")

                def call(self, x):
                    q = tf.einsum("btf,hsf->bhts", x, self.wq)
                    k = tf.einsum("btf,hsf->bhts", x, self.wk)
                    v = tf.einsum("btf,hsf->bhts", x, self.wv)
                    scores = tf.einsum("bhts,bhus->bhtu", q, k) / (self.head_size ** 0.5)
                    mixed = tf.einsum("bhtu,bhus->bths", tf.nn.softmax(scores, axis=-1), v)
                    joined = tf.reshape(mixed, [-1, x.shape[1], self.heads * self.head_size])
                    return tf.matmul(joined, self.wo)

                def get_config(self):
                    return {**super().get_config(), "heads": self.heads, "head_size": self.head_size}""";
}
