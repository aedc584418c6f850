package io.layerlab.ui.training;

import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * A transparent drawing layer made of canvases side by side, each {@link #TILE_WIDTH} wide. JavaFX
 * repaints the whole of a canvas that was drawn on, and everything under it, so a small change drawn
 * on one tile costs the renderer that tile's area rather than the layer's: with the software pipeline,
 * a short segment drawn on a 1010x195 canvas over the loss chart cost the render thread 4.6-5.0 ms a
 * pulse, on a canvas an eighth as wide 1.8 ms (of which about 1.4 ms is the fixed cost of any pulse
 * that paints).
 *
 * <p>Every tile draws in the coordinates of the node the layer lies in (its graphics are translated),
 * so whoever draws on a tile draws as on one canvas covering the layer; {@link #draw} hands over only
 * the tiles a range reaches, with the part of the range each covers.
 */
final class CanvasTiles extends Group {
    static final double TILE_WIDTH = 128;

    /** Draws on one tile: {@code left} to {@code right} is the part of the range asked for that lies on it. */
    @FunctionalInterface
    interface TilePainter {
        void paint(GraphicsContext g, double left, double right);
    }

    private final double originX;
    private final double originY;
    private double height;
    private long tilesDrawn;
    /** Per tile, whether it is known to hold nothing: a whole paint leaves such a tile alone where nothing is to be drawn. */
    private boolean[] blank = new boolean[0];

    /** A layer whose top-left corner lies at ({@code originX}, {@code originY}) of the node it is in. */
    CanvasTiles(double originX, double originY) {
        this.originX = originX;
        this.originY = originY;
        setManaged(false);
        setMouseTransparent(true);
        relocate(originX, originY);
    }

    /** Covers {@code newWidth} x {@code newHeight}; what was drawn is lost where a tile changed size. */
    void setSize(double newWidth, double newHeight) {
        double width = Math.max(0, newWidth);
        height = Math.max(0, newHeight);
        int count = (int) Math.ceil(width / TILE_WIDTH);
        while (getChildren().size() > count) {
            getChildren().remove(getChildren().size() - 1);
        }
        for (int k = getChildren().size(); k < count; k++) {
            Canvas tile = new Canvas();
            tile.relocate(k * TILE_WIDTH, 0);
            tile.getGraphicsContext2D().setTransform(1, 0, 0, 1, -(originX + k * TILE_WIDTH), -originY);
            getChildren().add(tile);
        }
        for (int k = 0; k < count; k++) {
            Canvas tile = tile(k);
            tile.setWidth(Math.min(TILE_WIDTH, width - k * TILE_WIDTH));
            tile.setHeight(height);
        }
        // A new tile holds nothing, nor does an empty one resized; one that held something may still.
        boolean[] was = blank;
        blank = new boolean[count];
        for (int k = 0; k < count; k++) {
            blank[k] = k >= was.length || was[k];
        }
    }

    /** The tiles that {@code left} to {@code right} (in the node's coordinates) reaches, each with its part of that range. */
    void draw(double left, double right, TilePainter painter) {
        for (int k = 0; k < tileCount(); k++) {
            if (reaches(k, left, right)) {
                drawOn(k, Math.max(left, tileLeft(k)), Math.min(right, tileRight(k)), painter);
            }
        }
    }

    /**
     * Paints the layer afresh: {@code painter} draws each whole tile that {@code contentLeft} to
     * {@code contentRight} (where anything is to be drawn) reaches; every other tile is cleared,
     * unless it holds nothing already, in which case it is left alone (and not repainted by JavaFX).
     */
    void paintWhole(double contentLeft, double contentRight, TilePainter painter) {
        for (int k = 0; k < tileCount(); k++) {
            if (reaches(k, contentLeft, contentRight)) {
                drawOn(k, tileLeft(k), tileRight(k), painter);
            } else if (!blank[k]) {
                drawOn(k, tileLeft(k), tileRight(k), (g, left, right) -> g.clearRect(left, originY, right - left, height));
                blank[k] = true;
            }
        }
    }

    /** Clears every tile. */
    void clear() {
        paintWhole(0, 0, (g, left, right) -> { });
    }

    /** How many times a tile was drawn on: lets tests see that a small change drew few. */
    long tilesDrawn() {
        return tilesDrawn;
    }

    /** How many tiles the layer has. */
    int tileCount() {
        return getChildren().size();
    }

    private boolean reaches(int k, double left, double right) {
        return tileRight(k) > left && tileLeft(k) < right;
    }

    private void drawOn(int k, double left, double right, TilePainter painter) {
        tilesDrawn++;
        blank[k] = false;
        painter.paint(tile(k).getGraphicsContext2D(), left, right);
    }

    /** Tile {@code k}'s edges in the node's coordinates. */
    private double tileLeft(int k) {
        return originX + k * TILE_WIDTH;
    }

    private double tileRight(int k) {
        return tileLeft(k) + tile(k).getWidth();
    }

    private Canvas tile(int k) {
        return (Canvas) getChildren().get(k);
    }
}
