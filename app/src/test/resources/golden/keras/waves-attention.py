"""Telling waves apart with self-attention

Noisy sine, square, triangle and sawtooth waves. A SimpleRNN turns each step's value into features
that carry the steps just before it; SelfAttention lets every step look at every other step and mix
in what it finds, and the Add keeps the recurrent features beside that mix.

Exported from LayerLab: the project's network written with the tf.keras functional API. Needs
TensorFlow 2 (pip install tensorflow). Layer names are the LayerLab node ids. Weights start from
Keras' default initialisers rather than DL4J's, so the two train alike but not to identical numbers.
"""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(42)  # the project's training seed


class SelfAttention(layers.Layer):
    """Self-attention as LayerLab builds it (DL4J's SelfAttentionLayer with projections).

    Each head projects every step's features to a query, a key and a value of head_size values,
    without biases; scaled dot-product attention mixes the steps; the heads' results are joined
    and projected back to the input's features, without a bias, so (t, f) gives (t, f).
    """

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
        return {**super().get_config(), "heads": self.heads, "head_size": self.head_size}


# Input "waves": Where data enters the network. Shape (None, 24, 1).
waves = keras.Input(shape=(24, 1), name="waves")

# SimpleRNN "rnn": Plain recurrent layer. Output (None, 24, 8), 80 parameters.
rnn = layers.SimpleRNN(8, activation="tanh", return_sequences=True, name="rnn")(waves)

# SelfAttention "attention": Each step attends to every other step. Output (None, 24, 8), 256
# parameters.
# Keras' MultiHeadAttention has biases and its own output size; the SelfAttention class above
# computes what LayerLab's (DL4J's) does, with weights of the same shapes.
attention = SelfAttention(heads=2, head_size=4, name="attention")(rnn)

# Add "residual": Element-wise sum of its inputs. Output (None, 24, 8).
residual = layers.Add(name="residual")([rnn, attention])

# Flatten "flat": Image or sequence to a flat vector. Output (None, 192).
flat = layers.Flatten(name="flat")(residual)

# Output "out": Final layer with a loss. Output (None, 4), 772 parameters.
out = layers.Dense(4, activation="softmax", name="out")(flat)

model = keras.Model(inputs=waves, outputs=out, name="telling_waves_apart_with_self_attention")

# Training setup: Adam at learning rate 0.01; loss: categorical cross-entropy (one class of
# several).
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()  # 1,108 parameters in total, as LayerLab counts them

# Training as LayerLab runs it. LayerLab's data: the "waves" source (samples 600, steps 24, classes
# 4, noise 0.1), 20% of the examples kept for validation (seed 7). Load the same data as NumPy
# arrays, N examples:
#   x: shape (N, 24, 1)
#   y: shape (N, 4), one-hot class labels
# model.fit(x, y, batch_size=32, epochs=12, validation_split=0.2, shuffle=True)
