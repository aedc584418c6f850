"""A residual block

A skip connection adds a block's input to its output through Add, so the block only has to learn a
correction and gradients reach early layers unchanged; this is what lets very deep networks train.

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

# Dense "stem": Fully connected layer. Output (None, 32), 96 parameters.
stem = layers.Dense(32, activation="relu", name="stem")(in_)

# Dense "block1": Fully connected layer. Output (None, 32), 1,056 parameters.
block1 = layers.Dense(32, activation="relu", name="block1")(stem)

# Dense "block2": Fully connected layer. Output (None, 32), 1,056 parameters.
block2 = layers.Dense(32, activation="linear", name="block2")(block1)

# Add "add": Element-wise sum of its inputs. Output (None, 32).
add = layers.Add(name="add")([stem, block2])

# Activation "relu": Applies a function to every value. Output (None, 32).
relu = layers.Activation("relu", name="relu")(add)

# Output "out": Final layer with a loss. Output (None, 2), 66 parameters.
out = layers.Dense(2, activation="softmax", name="out")(relu)

model = keras.Model(inputs=in_, outputs=out, name="a_residual_block")

# Training setup: Adam at learning rate 0.01; loss: categorical cross-entropy (one class of
# several).
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()  # 2,274 parameters in total, as LayerLab counts them

# Training as LayerLab runs it. LayerLab's data: the "spiral" source (samples 600, noise 0.05,
# classes 2), 20% of the examples kept for validation (seed 7). Load the same data as NumPy arrays,
# N examples:
#   x: shape (N, 2)
#   y: shape (N, 2), one-hot class labels
# model.fit(x, y, batch_size=32, epochs=150, validation_split=0.2, shuffle=True)
