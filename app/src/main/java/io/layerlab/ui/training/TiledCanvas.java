package io.layerlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * A transparent drawing layer made of narrow canvases side by side. JavaFX repaints a changed
 * canvas's whole area, and the software renderer copies its whole bitmap too: a few new pixels of
 * a growing curve on a chart-wide canvas cost as much as painting the chart. On tiles, they cost
 * the one or two tiles they fall on. Painters draw in the layer's coordinates; each tile's context
 * is moved to its place.
 */
final class TiledCanvas extends Pane {
    /** Wide enough that a strip of new segments usually falls on one tile, narrow enough that one is cheap. */
    static final double TILE_WIDTH = 96;

    /** Draws on one tile, in the layer's coordinates; {@code from} and {@code to} bound the part of the layer it holds. */
    @FunctionalInterface
    interface TilePainter {
        void paint(GraphicsContext g, double from, double to);
    }

    private final List<Canvas> tiles = new ArrayList<>();
    private long tilePaints;

    TiledCanvas() {
        setMouseTransparent(true);
    }

    /** Resizes the layer; tiles are added or dropped, and every tile is left blank. */
    void setSize(double width, double height) {
        int count = (int) Math.ceil(width / TILE_WIDTH);
        while (tiles.size() > count) {
            getChildren().remove(tiles.remove(tiles.size() - 1));
        }
        while (tiles.size() < count) {
            Canvas tile = new Canvas();
            tile.setLayoutX(tiles.size() * TILE_WIDTH);
            tiles.add(tile);
            getChildren().add(tile);
        }
        for (int i = 0; i < count; i++) {
            Canvas tile = tiles.get(i);
            tile.setWidth(Math.min(TILE_WIDTH, width - i * TILE_WIDTH));
            tile.setHeight(height);
            tile.getGraphicsContext2D().clearRect(0, 0, tile.getWidth(), tile.getHeight());
        }
        resize(width, height);
    }

    /** Runs {@code painter} on each tile that the span from {@code left} to {@code right} reaches. */
    void paint(double left, double right, TilePainter painter) {
        for (int i = 0; i < tiles.size(); i++) {
            Canvas tile = tiles.get(i);
            double x = i * TILE_WIDTH;
            if (x + tile.getWidth() <= left || x >= right) {
                continue;
            }
            GraphicsContext g = tile.getGraphicsContext2D();
            g.save();
            g.translate(-x, 0);
            painter.paint(g, Math.max(left, x), x + tile.getWidth());
            g.restore();
            tilePaints++;
        }
    }

    /** Clears every tile. */
    void clear() {
        for (Canvas tile : tiles) {
            tile.getGraphicsContext2D().clearRect(0, 0, tile.getWidth(), tile.getHeight());
        }
    }

    /** The whole layer as one image, transparent where nothing is drawn. */
    WritableImage snapshot() {
        SnapshotParameters transparent = new SnapshotParameters();
        transparent.setFill(Color.TRANSPARENT);
        return snapshot(transparent, null);
    }

    /** How many tiles have been painted on so far (a whole paint counts every tile it reached). */
    long tilePaints() {
        return tilePaints;
    }

    int tileCount() {
        return tiles.size();
    }
}
