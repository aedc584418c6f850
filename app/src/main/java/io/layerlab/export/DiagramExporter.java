package io.layerlab.export;

import io.layerlab.project.AtomicFile;
import io.layerlab.project.Project;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.DiagnosticCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The network as a picture for slides and papers: a box per layer (id, type, key settings,
 * output shape, parameters) where the designer placed it, wires as curves labelled with the
 * tensor shape they carry. As SVG, or as PNG drawn with Java2D at twice the size for crisp
 * text on high-density screens. Works headless.
 */
public final class DiagramExporter {
    /** The PNG's pixels per diagram unit. */
    public static final double PNG_SCALE = 2;
    /** Larger pictures are drawn at a smaller scale, down to 1; beyond that SVG is the way. */
    static final long MAX_PNG_PIXELS = 40_000_000L;
    /** The longest side many image viewers and editors open. */
    static final int MAX_PNG_SIDE = 32_000;

    public enum Format {
        SVG, PNG;

        /** The format a file name asks for by its extension, {@code .svg} or {@code .png}. */
        public static Format forFile(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".svg")) return SVG;
            if (name.endsWith(".png")) return PNG;
            throw new IllegalArgumentException("cannot tell the picture format of \"" + file.getFileName()
                    + "\"; name the file with .svg or .png");
        }
    }

    /**
     * The diagram as an SVG document.
     *
     * @throws ExportException when the network has errors (the diagram would show wrong shapes)
     */
    public String svg(Project project) {
        return SvgDiagram.of(layout(project));
    }

    /**
     * The diagram as PNG bytes.
     *
     * @throws ExportException when the network has errors, or is too large for one picture
     */
    public byte[] png(Project project) {
        DiagramLayout layout = layout(project);
        double scale = PNG_SCALE;
        while (scale > 1 && !fits(layout, scale)) scale -= 0.25;
        if (!fits(layout, scale)) {
            throw new ExportException(project.name(), List.of(Diagnostic.error(DiagnosticCode.TOO_LARGE, null, null,
                    "the diagram would be " + (long) layout.width() + " × " + (long) layout.height() + " pixels, too large for a PNG",
                    "export it as SVG, which has no size limit")));
        }
        BufferedImage image = PngDiagram.paint(layout, scale);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) throw new IllegalStateException("this Java runtime has no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes the diagram in {@code format} to {@code file} atomically; nothing is written if the project cannot be drawn. */
    public void write(Project project, Path file, Format format) throws IOException {
        byte[] bytes = format == Format.SVG ? svg(project).getBytes(StandardCharsets.UTF_8) : png(project);
        AtomicFile.write(file, bytes);
    }

    private static DiagramLayout layout(Project project) {
        return DiagramLayout.of(NetworkPlan.of(project));
    }

    private static boolean fits(DiagramLayout layout, double scale) {
        double w = Math.ceil(layout.width() * scale);
        double h = Math.ceil(layout.height() * scale);
        return w <= MAX_PNG_SIDE && h <= MAX_PNG_SIDE && w * h <= MAX_PNG_PIXELS;
    }
}
