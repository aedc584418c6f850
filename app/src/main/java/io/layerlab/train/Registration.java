package io.layerlab.train;

/** An observer with the throttle that applies its rate. */
record Registration(TrainingObserver observer, Throttle throttle) {
}
