package io.layerlab.shape;

/** ERROR stops compiling; WARNING is shown but the graph still compiles. */
public enum Severity { ERROR, WARNING }
