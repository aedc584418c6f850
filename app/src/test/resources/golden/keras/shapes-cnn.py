"""Shapes with a small CNN

Convolutions slide small learned filters over the picture, so an edge or a corner is found wherever
it is; pooling halves the picture and keeps the strongest responses, which shrinks the work and
tolerates small shifts.

Exported from LayerLab: the project's network written with the tf.keras functional API. Needs
TensorFlow 2 (pip install tensorflow). Layer names are the LayerLab node ids. Weights start from
Keras' default initialisers rather than DL4J's, so the two train alike but not to identical numbers.
"""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(42)  # the project's training seed


# Input "image": Where data enters the network. Shape (None, 16, 16, 1).
image = keras.Input(shape=(16, 16, 1), name="image")

# Conv2D "conv1": 2-D convolution over an image. Output (None, 16, 16, 8), 80 parameters.
conv1 = layers.Conv2D(
    8, kernel_size=(3, 3), strides=(1, 1), padding="same", activation="relu", name="conv1"
)(image)

# MaxPooling2D "pool1": Keeps the largest value in each window. Output (None, 8, 8, 8).
pool1 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool1")(conv1)

# Conv2D "conv2": 2-D convolution over an image. Output (None, 8, 8, 16), 1,168 parameters.
conv2 = layers.Conv2D(
    16, kernel_size=(3, 3), strides=(1, 1), padding="same", activation="relu", name="conv2"
)(pool1)

# MaxPooling2D "pool2": Keeps the largest value in each window. Output (None, 4, 4, 16).
pool2 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool2")(conv2)

# Flatten "flat": Image or sequence to a flat vector. Output (None, 256).
flat = layers.Flatten(name="flat")(pool2)

# Dense "dense": Fully connected layer. Output (None, 32), 8,224 parameters.
dense = layers.Dense(32, activation="relu", name="dense")(flat)

# Dropout "drop": Randomly drops values while training. Output (None, 32).
drop = layers.Dropout(0.25, name="drop")(dense)

# Output "out": Final layer with a loss. Output (None, 4), 132 parameters.
out = layers.Dense(4, activation="softmax", name="out")(drop)

model = keras.Model(inputs=image, outputs=out, name="shapes_with_a_small_cnn")

# Training setup: Adam at learning rate 0.005; loss: categorical cross-entropy (one class of
# several).
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.005),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()  # 9,604 parameters in total, as LayerLab counts them

# Training as LayerLab runs it. LayerLab's data: the "shapes" source (samples 800, size 16, classes
# 4, noise 0.1), 20% of the examples kept for validation (seed 7). Load the same data as NumPy
# arrays, N examples:
#   x: shape (N, 16, 16, 1)
#   y: shape (N, 4), one-hot class labels
# model.fit(x, y, batch_size=16, epochs=12, validation_split=0.2, shuffle=True)
