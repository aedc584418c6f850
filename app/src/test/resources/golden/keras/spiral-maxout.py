"""Two spirals with maxout units

The spiral sample with maxout instead of ReLU: each of the 16 units in a layer computes 4
straight-line functions of its input and outputs the largest, so it learns its own bent activation,
for 4 times the weights of a 16-unit layer.

Exported from LayerLab: the project's network written with the tf.keras functional API. Needs
TensorFlow 2 (pip install tensorflow). Layer names are the LayerLab node ids. Weights start from
Keras' default initialisers rather than DL4J's, so the two train alike but not to identical numbers.
"""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(42)  # the project's training seed


class Maxout(layers.Layer):
    """Keeps the largest of each group of `pieces` consecutive values on the last axis (as LayerLab does).

    After a linear layer with pieces outputs per unit, each unit outputs the largest of its pieces.
    """

    def __init__(self, pieces, **kwargs):
        super().__init__(**kwargs)
        self.pieces = pieces

    def call(self, x):
        grouped = [-1] + list(x.shape[1:-1]) + [x.shape[-1] // self.pieces, self.pieces]
        return tf.reduce_max(tf.reshape(x, grouped), axis=-1)

    def get_config(self):
        return {**super().get_config(), "pieces": self.pieces}


# Input "in": Where data enters the network. Shape (None, 2).
in_ = keras.Input(shape=(2,), name="in")

# Dense "hidden1": Fully connected layer. Output (None, 16), 192 parameters.
# maxout: a linear Dense with 4 outputs per unit, then the largest of each unit's pieces.
hidden1 = layers.Dense(64, activation="linear", name="hidden1_linear")(in_)
hidden1 = Maxout(4, name="hidden1")(hidden1)

# Dense "hidden2": Fully connected layer. Output (None, 16), 1,088 parameters.
# maxout: a linear Dense with 4 outputs per unit, then the largest of each unit's pieces.
hidden2 = layers.Dense(64, activation="linear", name="hidden2_linear")(hidden1)
hidden2 = Maxout(4, name="hidden2")(hidden2)

# Output "out": Final layer with a loss. Output (None, 2), 34 parameters.
out = layers.Dense(2, activation="softmax", name="out")(hidden2)

model = keras.Model(inputs=in_, outputs=out, name="two_spirals_with_maxout_units")

# Training setup: Adam at learning rate 0.01; loss: categorical cross-entropy (one class of
# several).
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()  # 1,314 parameters in total, as LayerLab counts them

# Training as LayerLab runs it. LayerLab's data: the "spiral" source (samples 600, noise 0.05,
# classes 2), 20% of the examples kept for validation (seed 7). Load the same data as NumPy arrays,
# N examples:
#   x: shape (N, 2)
#   y: shape (N, 2), one-hot class labels
# model.fit(x, y, batch_size=32, epochs=20, validation_split=0.2, shuffle=True)
