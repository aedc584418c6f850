/**
 * The graph canvas in the middle of the designer: {@link io.layerlab.ui.canvas.GraphCanvas}.
 *
 * <p>How it is put together: {@code DiagramView} keeps one skin per node ({@code NodeView}: a
 * {@code LayerCardView} or an {@code ActivationPillView}, made by {@code NodeViewFactory}) and per
 * wire ({@code WireView}) in step with the document, touching only what an edit changed, and
 * draws only what is in view. Mouse drags are {@code Gesture}s (wire, move, rubber band, pan);
 * keys are {@code CanvasKeys}; copy and paste are {@code ClipboardCommands}. Around the diagram:
 * the dotted {@code GridLayer}, the {@code Minimap}, the far-out {@code OverviewLayer} and the
 * {@code MessageBubble} that says why a wire was refused. While a network trains, nodes show
 * their layer statistics in a {@code GaugeStrip}.
 *
 * <p>Drawing cost (what the software renderer, the slowest JavaFX pipeline, makes expensive):
 * node cards and wire labels are cached bitmaps, moved by whole pixels when panning (a
 * fractional offset or a scale makes every bitmap be resampled); the grid and the far-out
 * overview are drawn once per zoom level and shifted when panning. No frame waits for many new
 * bitmaps: a view change hands them out a few per frame ({@code DetailBudget}), nearest the
 * middle first, and a card awaiting its turn is a plain box ({@code SketchLayer}); while the
 * wheel zooms every card is a box and labels hide, and everything in view is drawn in full
 * within a few frames of it stopping. {@code CanvasBenchmark} measures it.
 *
 * <p>Plain logic without JavaFX, tested on its own: {@code LayeredLayout} (auto layout),
 * {@code NodeCaptions} (what a node shows), {@code NodeSnippet} and {@code PastePlan} (the
 * clipboard), {@code NodeIds} (ids and default parameters), {@code LayerGauges} (what training
 * statistics mean), and the wiring rules in
 * {@link io.layerlab.shape.WireCheck}.
 */
package io.layerlab.ui.canvas;
