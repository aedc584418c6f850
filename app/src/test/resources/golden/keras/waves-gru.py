"""Wave forms with a GRU

A GRU reads the signal one step at a time and keeps a running summary in its state; its update gate
decides how much of the summary each new step changes. After the last step the state tells a sine
from a square, a triangle or a sawtooth, whatever their frequency, phase and level.

Exported from LayerLab: the project's network written with the tf.keras functional API. Needs
TensorFlow 2 (pip install tensorflow). Layer names are the LayerLab node ids. Weights start from
Keras' default initialisers rather than DL4J's, so the two train alike but not to identical numbers.
"""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(42)  # the project's training seed


# Input "signal": Where data enters the network. Shape (None, 24, 1).
signal = keras.Input(shape=(24, 1), name="signal")

# GRU "gru": Gated recurrent unit. Output (None, 16), 864 parameters.
gru = layers.GRU(
    16, activation="tanh", return_sequences=False, reset_after=False, name="gru"
)(signal)

# Output "out": Final layer with a loss. Output (None, 4), 68 parameters.
out = layers.Dense(4, activation="softmax", name="out")(gru)

model = keras.Model(inputs=signal, outputs=out, name="wave_forms_with_a_gru")

# Training setup: Adam at learning rate 0.03; loss: categorical cross-entropy (one class of
# several).
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.03),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()  # 932 parameters in total, as LayerLab counts them

# Training as LayerLab runs it. LayerLab's data: the "waves" source (samples 800, steps 24, classes
# 4, noise 0.05), 20% of the examples kept for validation (seed 7). Load the same data as NumPy
# arrays, N examples:
#   x: shape (N, 24, 1)
#   y: shape (N, 4), one-hot class labels
# model.fit(x, y, batch_size=32, epochs=12, validation_split=0.2, shuffle=True)
