"""Maxout everywhere

A test network with maxout in each place it can go: a convolution's activation, an Activation node
grouping channels, a frozen Dense layer's activation and the output's activation before its loss.

Exported from LayerLab: the project's network written with the tf.keras functional API. Needs
TensorFlow 2 (pip install tensorflow). Layer names are the LayerLab node ids. Weights start from
Keras' default initialisers rather than DL4J's, so the two train alike but not to identical numbers.
"""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(11)  # the project's training seed


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


# Input "image": Where data enters the network. Shape (None, 28, 28, 1).
image = keras.Input(shape=(28, 28, 1), name="image")

# Conv2D "conv": 2-D convolution over an image. Output (None, 8, 8, 4), 312 parameters.
# maxout: a linear Conv2D with 3 outputs per unit, then the largest of each unit's pieces.
conv = layers.Conv2D(
    12, kernel_size=(5, 5), strides=(3, 3), padding="valid", activation="linear", name="conv_linear"
)(image)
conv = Maxout(3, name="conv")(conv)

# Activation "channels": Applies a function to every value. Output (None, 8, 8, 2).
channels = Maxout(2, name="channels")(conv)

# Flatten "flat": Image or sequence to a flat vector. Output (None, 128).
flat = layers.Flatten(name="flat")(channels)

# Dense "hidden": Fully connected layer. Output (None, 6), 1,548 parameters.
# maxout: a linear Dense with 2 outputs per unit, then the largest of each unit's pieces.
hidden = layers.Dense(12, activation="linear", trainable=False, name="hidden_linear")(flat)
hidden = Maxout(2, name="hidden")(hidden)

# Output "out": Final layer with a loss. Output (None, 10), 140 parameters.
# maxout: a linear Dense with 2 outputs per unit, then the largest of each unit's pieces.
out = layers.Dense(20, activation="linear", name="out_linear")(hidden)
out = Maxout(2, name="out")(out)

model = keras.Model(inputs=image, outputs=out, name="maxout_everywhere")

# Training setup: Adam at learning rate 0.01; loss: mean squared error.
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="mse",
)
model.summary()  # 2,000 parameters in total, as LayerLab counts them

# Training as LayerLab runs it. LayerLab's data: the "digits" source, 10% of the examples kept for
# validation (seed 3). Load the same data as NumPy arrays, N examples:
#   x: shape (N, 28, 28, 1)
#   y: shape (N, 10), the values to predict
# model.fit(x, y, batch_size=64, epochs=10, validation_split=0.1, shuffle=True)
