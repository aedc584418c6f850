"""Tagging and scoring sequences

A test network with two inputs and two outputs: recurrent layers that return every step or only the
last, a per-step output, batch normalisation of features, a flattened sequence and a learned PReLU
after a Dense layer.

Exported from LayerLab: the project's network written with the tf.keras functional API. Needs
TensorFlow 2 (pip install tensorflow). Layer names are the LayerLab node ids. Weights start from
Keras' default initialisers rather than DL4J's, so the two train alike but not to identical numbers.
"""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(9)  # the project's training seed


def leaky_relu(x):
    """Leaky ReLU with LayerLab's slope of 0.01 for negative inputs (Keras' LeakyReLU defaults to 0.3)."""
    return tf.nn.leaky_relu(x, alpha=0.01)


# Input "steps": Where data enters the network. Shape (None, 12, 3).
steps = keras.Input(shape=(12, 3), name="steps")

# Input "context": Where data enters the network. Shape (None, 5).
context = keras.Input(shape=(5,), name="context")

# LSTM "lstm": Long short-term memory. Output (None, 12, 16), 1,280 parameters.
lstm = layers.LSTM(16, activation="tanh", return_sequences=True, name="lstm")(steps)

# Dense "context_dense": Fully connected layer. Output (None, 6), 42 parameters.
# prelu: a linear Dense followed by a learned PReLU (one slope per value,
# starting at 0.25), as LayerLab builds it.
context_dense = layers.Dense(6, activation="linear", name="context_dense_linear")(context)
context_dense = layers.PReLU(
    alpha_initializer=keras.initializers.Constant(0.25), name="context_dense"
)(context_dense)

# SimpleRNN "rnn": Plain recurrent layer. Output (None, 12, 8), 200 parameters.
rnn = layers.SimpleRNN(8, activation=leaky_relu, return_sequences=True, name="rnn")(lstm)

# BatchNormalization "context_norm": Normalises each feature over the batch. Output (None, 6), 24
# parameters.
context_norm = layers.BatchNormalization(
    momentum=0.9, epsilon=1e-05, trainable=False, name="context_norm"
)(context_dense)

# SequenceOutput "tags": Output and loss at every time step. Output (None, 12, 4), 36 parameters.
tags = layers.TimeDistributed(layers.Dense(4, activation="softmax"), name="tags")(rnn)

# LSTM "summary": Long short-term memory. Output (None, 6), 360 parameters.
summary = layers.LSTM(6, activation="tanh", return_sequences=False, name="summary")(rnn)

# Flatten "flat": Image or sequence to a flat vector. Output (None, 96).
flat = layers.Flatten(name="flat")(rnn)

# Concatenate "merged": Joins its inputs along the features. Output (None, 108).
merged = layers.Concatenate(name="merged")([summary, flat, context_norm])

# Output "score": Final layer with a loss. Output (None, 1), 109 parameters.
score = layers.Dense(1, activation="sigmoid", name="score")(merged)

model = keras.Model(inputs=[steps, context], outputs=[tags, score], name="tagging_and_scoring_sequences")

# Training setup: RMSprop with DL4J's decay of 0.95 (Keras' rho) at learning rate 0.001; loss:
# categorical cross-entropy (one class of several) and binary cross-entropy (independent yes/no
# outputs).
model.compile(
    optimizer=keras.optimizers.RMSprop(learning_rate=0.001, rho=0.95),
    loss={"tags": "categorical_crossentropy", "score": "binary_crossentropy"},
    metrics={"tags": ["accuracy"], "score": ["accuracy"]},
)
model.summary()  # 2,051 parameters in total, as LayerLab counts them

# Training as LayerLab runs it. LayerLab's data: the "sequences" source (samples 300), 25% of the
# examples kept for validation (seed 5). Load the same data as NumPy arrays, N examples:
#   x_steps: shape (N, 12, 3)
#   x_context: shape (N, 5)
#   y_tags: shape (N, 12, 4), one-hot class labels
#   y_score: shape (N, 1), 0 or 1 per output
# model.fit([x_steps, x_context], [y_tags, y_score],
#           batch_size=16, epochs=20, validation_split=0.25, shuffle=False)
