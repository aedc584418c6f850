package io.layerlab.ui.shell;

import io.layerlab.graph.Graph;
import io.layerlab.shape.ShapeReport;
import io.layerlab.ui.support.DialogService;
import io.layerlab.ui.support.TaskExecutor;
import io.layerlab.ui.support.Theme;
import java.util.function.Function;

/**
 * What the window is built from. The application passes the real dialogs, a background
 * executor and the user's settings; tests pass fakes, a direct executor and temporary folders.
 *
 * @param analyzer the shape check run after every edit
 */
public record DesignerServices(DialogService dialogs, TaskExecutor executor, Function<Graph, ShapeReport> analyzer,
                               ProjectFiles files, Theme theme) { }
