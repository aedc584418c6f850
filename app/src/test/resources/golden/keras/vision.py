"""Digits with two branches

A test network that uses every image layer: convolutions with "same" and "valid" padding, batch
normalisation, both poolings, a global-average branch beside a flattened one, a merge, a residual
Add and the activations Keras needs layers for.

Exported from LayerLab: the project's network written with the tf.keras functional API. Needs
TensorFlow 2 (pip install tensorflow). Layer names are the LayerLab node ids. Weights start from
Keras' default initialisers rather than DL4J's, so the two train alike but not to identical numbers.
"""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(11)  # the project's training seed


def step(x):
    """LayerLab's step activation: 1 where x > 0, else 0.

    Its slope is zero everywhere, so no gradient flows back through it (as in LayerLab).
    """
    return tf.cast(x > 0, x.dtype)


def leaky_relu(x):
    """Leaky ReLU with LayerLab's slope of 0.01 for negative inputs (Keras' LeakyReLU defaults to 0.3)."""
    return tf.nn.leaky_relu(x, alpha=0.01)


# Input "image": Where data enters the network. Shape (None, 28, 28, 1).
image = keras.Input(shape=(28, 28, 1), name="image")

# Conv2D "conv1": 2-D convolution over an image. Output (None, 28, 28, 8), 80 parameters.
conv1 = layers.Conv2D(
    8, kernel_size=(3, 3), strides=(1, 1), padding="same", activation="relu", name="conv1"
)(image)

# BatchNormalization "norm1": Normalises each feature over the batch. Output (None, 28, 28, 8), 32
# parameters.
norm1 = layers.BatchNormalization(momentum=0.9, epsilon=1e-05, name="norm1")(conv1)

# MaxPooling2D "pool1": Keeps the largest value in each window. Output (None, 14, 14, 8).
pool1 = layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool1")(norm1)

# Conv2D "conv2": 2-D convolution over an image. Output (None, 6, 6, 16), 1,744 parameters.
# prelu: a linear Conv2D followed by a learned PReLU (one slope per value,
# starting at 0.25), as LayerLab builds it.
conv2 = layers.Conv2D(
    16,
    kernel_size=(3, 3),
    strides=(2, 2),
    padding="valid",
    activation="linear",
    trainable=False,
    name="conv2_linear",
)(pool1)
conv2 = layers.PReLU(
    alpha_initializer=keras.initializers.Constant(0.25), trainable=False, name="conv2"
)(conv2)

# AveragePooling2D "pool2": Averages each window. Output (None, 3, 3, 16).
pool2 = layers.AveragePooling2D(
    pool_size=(2, 2), strides=(2, 2), padding="valid", name="pool2"
)(conv2)

# GlobalAveragePooling2D "gap": One average per channel. Output (None, 16).
gap = layers.GlobalAveragePooling2D(name="gap")(pool2)

# Flatten "flat": Image or sequence to a flat vector. Output (None, 144).
flat = layers.Flatten(name="flat")(pool2)

# Concatenate "joined": Joins its inputs along the features. Output (None, 160).
joined = layers.Concatenate(name="joined")([gap, flat])

# Dense "dense_a": Fully connected layer. Output (None, 32), 5,152 parameters.
dense_a = layers.Dense(32, activation=leaky_relu, name="dense_a")(joined)

# Dense "dense_b": Fully connected layer. Output (None, 32), 5,152 parameters.
dense_b = layers.Dense(32, activation="swish", name="dense_b")(joined)

# Add "sum": Element-wise sum of its inputs. Output (None, 32).
sum_ = layers.Add(name="sum")([dense_a, dense_b])

# Activation "leaky": Applies a function to every value. Output (None, 32).
leaky = layers.LeakyReLU(alpha=0.2, name="leaky")(sum_)

# Dropout "drop": Randomly drops values while training. Output (None, 32).
drop = layers.Dropout(0.25, name="drop")(leaky)

# Activation "elu": Applies a function to every value. Output (None, 32).
elu = layers.ELU(alpha=0.5, name="elu")(drop)

# Activation "learned": Applies a function to every value. Output (None, 32), 32 parameters.
# A learned slope for negative values, one per value, starting at 0.25.
learned = layers.PReLU(alpha_initializer=keras.initializers.Constant(0.25), name="learned")(elu)

# Activation "gate": Applies a function to every value. Output (None, 32).
# Keras has no step activation: a Lambda layer applies the step function defined above.
gate = layers.Lambda(step, name="gate")(learned)

# Activation "smooth": Applies a function to every value. Output (None, 32).
smooth = layers.Activation("gelu", name="smooth")(gate)

# Output "digit": Final layer with a loss. Output (None, 10), 330 parameters.
digit = layers.Dense(10, activation="softmax", name="digit")(smooth)

model = keras.Model(inputs=image, outputs=digit, name="digits_with_two_branches")

# Training setup: gradient descent with Nesterov momentum 0.9 at learning rate 0.05; loss:
# categorical cross-entropy (one class of several).
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9, nesterov=True),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()  # 12,522 parameters in total, as LayerLab counts them

# Training as LayerLab runs it. LayerLab's data: the "digits" source, 10% of the examples kept for
# validation (seed 3). Load the same data as NumPy arrays, N examples:
#   x: shape (N, 28, 28, 1)
#   y: shape (N, 10), one-hot class labels
# model.fit(x, y, batch_size=64, epochs=10, validation_split=0.1, shuffle=True)
