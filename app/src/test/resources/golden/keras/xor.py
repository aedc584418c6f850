"""XOR with one hidden layer

XOR cannot be separated by one straight line, so a network without a hidden layer fails at it. A
hidden Dense layer followed by a non-linear activation (tanh) bends the boundary and solves it.

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

# Dense "hidden": Fully connected layer. Output (None, 8), 24 parameters.
hidden = layers.Dense(8, activation="linear", name="hidden")(in_)

# Activation "tanh": Applies a function to every value. Output (None, 8).
tanh = layers.Activation("tanh", name="tanh")(hidden)

# Output "out": Final layer with a loss. Output (None, 2), 18 parameters.
out = layers.Dense(2, activation="softmax", name="out")(tanh)

model = keras.Model(inputs=in_, outputs=out, name="xor_with_one_hidden_layer")

# Training setup: Adam at learning rate 0.03; loss: categorical cross-entropy (one class of
# several).
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.03),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()  # 42 parameters in total, as LayerLab counts them

# Training as LayerLab runs it. LayerLab's data: the "xor" source (samples 400, noise 0.1), 20% of
# the examples kept for validation (seed 7). Load the same data as NumPy arrays, N examples:
#   x: shape (N, 2)
#   y: shape (N, 2), one-hot class labels
# model.fit(x, y, batch_size=32, epochs=100, validation_split=0.2, shuffle=True)
