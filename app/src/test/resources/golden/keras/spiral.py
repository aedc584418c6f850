"""Two spirals

Two interleaved spirals need a boundary that curls around the centre. Two hidden layers of ReLU
units compose many small straight pieces into that curve; with fewer or smaller layers the accuracy
stalls.

Exported from LayerLab: the project's network written with the tf.keras functional API. Needs
TensorFlow 2 (pip install tensorflow). Layer names are the LayerLab node ids. Weights start from
Keras' default initialisers rather than DL4J's, so the two train alike but not to identical numbers.
"""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(42)  # the project's training seed


# Input "in": Where data enters the network. Shape (None, 2).
in_ = keras.Input(shape=(2,), name="in")

# Dense "hidden1": Fully connected layer. Output (None, 64), 192 parameters.
hidden1 = layers.Dense(64, activation="relu", name="hidden1")(in_)

# Dense "hidden2": Fully connected layer. Output (None, 64), 4,160 parameters.
hidden2 = layers.Dense(64, activation="relu", name="hidden2")(hidden1)

# Output "out": Final layer with a loss. Output (None, 2), 130 parameters.
out = layers.Dense(2, activation="softmax", name="out")(hidden2)

model = keras.Model(inputs=in_, outputs=out, name="two_spirals")

# Training setup: Adam at learning rate 0.01; loss: categorical cross-entropy (one class of
# several).
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()  # 4,482 parameters in total, as LayerLab counts them

# Training as LayerLab runs it. LayerLab's data: the "spiral" source (samples 600, noise 0.05,
# classes 2), 20% of the examples kept for validation (seed 7). Load the same data as NumPy arrays,
# N examples:
#   x: shape (N, 2)
#   y: shape (N, 2), one-hot class labels
# model.fit(x, y, batch_size=32, epochs=100, validation_split=0.2, shuffle=True)
