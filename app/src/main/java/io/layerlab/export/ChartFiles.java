package io.layerlab.export;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Writes a chart as a PNG through a temporary file renamed into place, so no half-written picture is left. */
final class ChartFiles {
    private ChartFiles() { }

    static void writePng(JFreeChart chart, Path file, int width, int height) throws IOException {
        io.layerlab.project.AtomicFile.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
    }
}
