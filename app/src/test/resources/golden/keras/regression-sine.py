"""Fitting a sine wave

Regression: the network predicts a number, not a class, so the output has one linear unit and the
loss is the mean squared error. Smooth tanh units let it follow the curve of the sine.

Exported from LayerLab: the project's network written with the tf.keras functional API. Needs
TensorFlow 2 (pip install tensorflow). Layer names are the LayerLab node ids. Weights start from
Keras' default initialisers rather than DL4J's, so the two train alike but not to identical numbers.
"""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(42)  # the project's training seed


# Input "in": Where data enters the network. Shape (None, 1).
in_ = keras.Input(shape=(1,), name="in")

# Dense "hidden1": Fully connected layer. Output (None, 32), 64 parameters.
hidden1 = layers.Dense(32, activation="tanh", name="hidden1")(in_)

# Dense "hidden2": Fully connected layer. Output (None, 32), 1,056 parameters.
hidden2 = layers.Dense(32, activation="tanh", name="hidden2")(hidden1)

# Output "out": Final layer with a loss. Output (None, 1), 33 parameters.
out = layers.Dense(1, activation="linear", name="out")(hidden2)

model = keras.Model(inputs=in_, outputs=out, name="fitting_a_sine_wave")

# Training setup: Adam at learning rate 0.01; loss: mean squared error.
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="mse",
)
model.summary()  # 1,153 parameters in total, as LayerLab counts them

# Training as LayerLab runs it. LayerLab's data: the "sine" source (samples 500, noise 0.05), 20% of
# the examples kept for validation (seed 7). Load the same data as NumPy arrays, N examples:
#   x: shape (N, 1)
#   y: shape (N, 1), the values to predict
# model.fit(x, y, batch_size=32, epochs=200, validation_split=0.2, shuffle=True)
