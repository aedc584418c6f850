"""Iris flowers

A classic real data set: four measurements of a flower decide which of three species it is. One
small hidden layer and a softmax output with one unit per class is all it takes.

Exported from LayerLab: the project's network written with the tf.keras functional API. Needs
TensorFlow 2 (pip install tensorflow). Layer names are the LayerLab node ids. Weights start from
Keras' default initialisers rather than DL4J's, so the two train alike but not to identical numbers.
"""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(42)  # the project's training seed


# Input "in": Where data enters the network. Shape (None, 4).
in_ = keras.Input(shape=(4,), name="in")

# Dense "hidden": Fully connected layer. Output (None, 16), 80 parameters.
hidden = layers.Dense(16, activation="relu", name="hidden")(in_)

# Output "out": Final layer with a loss. Output (None, 3), 51 parameters.
out = layers.Dense(3, activation="softmax", name="out")(hidden)

model = keras.Model(inputs=in_, outputs=out, name="iris_flowers")

# Training setup: Adam at learning rate 0.01; loss: categorical cross-entropy (one class of
# several).
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()  # 131 parameters in total, as LayerLab counts them

# Training as LayerLab runs it. LayerLab's data: the "iris" source, 20% of the examples kept for
# validation (seed 7). Load the same data as NumPy arrays, N examples:
#   x: shape (N, 4)
#   y: shape (N, 3), one-hot class labels
# model.fit(x, y, batch_size=16, epochs=100, validation_split=0.2, shuffle=True)
