"""Word order with an Embedding and a GRU

An Embedding turns each word id into a learned vector; a GRU then reads the words in order, so it
can tell "not good" from "good" next to an unrelated "not". A model that only counted words could
not get past about 75%.

Exported from LayerLab: the project's network written with the tf.keras functional API. Needs
TensorFlow 2 (pip install tensorflow). Layer names are the LayerLab node ids. Weights start from
Keras' default initialisers rather than DL4J's, so the two train alike but not to identical numbers.
"""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(42)  # the project's training seed


# Input "words": Where data enters the network. Shape (None, 10, 1).
words = keras.Input(shape=(10, 1), name="words")

# Embedding "embed": Token ids to learned vectors. Output (None, 10, 8), 160 parameters.
# Keras' Embedding reads (batch, steps) ids: the Reshape drops the Input's feature axis of 1.
embed = layers.Reshape(target_shape=(10,), name="embed_ids")(words)
embed = layers.Embedding(input_dim=20, output_dim=8, name="embed")(embed)

# GRU "gru": Gated recurrent unit. Output (None, 16), 1,200 parameters.
gru = layers.GRU(
    16, activation="tanh", return_sequences=False, reset_after=False, name="gru"
)(embed)

# Output "out": Final layer with a loss. Output (None, 2), 34 parameters.
out = layers.Dense(2, activation="softmax", name="out")(gru)

model = keras.Model(inputs=words, outputs=out, name="word_order_with_an_embedding_and_a_gru")

# Training setup: Adam at learning rate 0.01; loss: categorical cross-entropy (one class of
# several).
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()  # 1,394 parameters in total, as LayerLab counts them

# Training as LayerLab runs it. LayerLab's data: the "tokens" source (samples 1000, steps 10,
# vocabulary 20), 20% of the examples kept for validation (seed 7). Load the same data as NumPy
# arrays, N examples:
#   x: shape (N, 10, 1)
#   y: shape (N, 2), one-hot class labels
# model.fit(x, y, batch_size=32, epochs=10, validation_split=0.2, shuffle=True)
