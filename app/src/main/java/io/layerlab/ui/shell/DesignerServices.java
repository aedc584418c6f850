package io.layerlab.ui.shell;

import io.layerlab.graph.Graph;
import io.layerlab.project.RecentFiles;
import io.layerlab.project.RecoveryStore;
import io.layerlab.project.SampleProjects;
import io.layerlab.shape.ShapeReport;
import io.layerlab.ui.support.DialogService;
import io.layerlab.ui.support.TaskExecutor;
import io.layerlab.ui.support.Theme;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * What the window is built from. The application passes the real dialogs, a background
 * executor and the person's own folders; tests pass a scripted dialog service, a direct
 * executor and temporary folders.
 *
 * @param analyzer         the shape check run after every edit
 * @param autosaveInterval how often a recovery copy of unsaved work is written; zero for never
 *                         (tests write copies when they choose)
 * @param training         runs training and experiments: one thread per active run
 */
public record DesignerServices(DialogService dialogs, TaskExecutor executor, Function<Graph, ShapeReport> analyzer,
                               Theme theme, RecentFiles recentFiles, RecoveryStore recovery, SampleProjects samples,
                               Duration autosaveInterval, Executor training) { }
