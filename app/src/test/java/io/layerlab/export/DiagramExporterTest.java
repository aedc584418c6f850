package io.layerlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerlab.graph.Edge;
import io.layerlab.graph.Node;
import io.layerlab.project.Project;
import io.layerlab.shape.ShapeInference;
import io.layerlab.shape.ShapeReport;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DiagramExporterTest {
    private final DiagramExporter exporter = new DiagramExporter();

    static Stream<String> projects() { return ExportFixtures.projectNames(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void svgIsWellFormedAndShowsEveryNodeAndEveryWiresShape(String name) throws Exception {
        Project project = ExportFixtures.project(name);
        Document svg = parse(exporter.svg(project));

        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        List<String> ids = texts(svg, "id");
        assertThat(ids).containsExactlyInAnyOrderElementsOf(project.graph().nodes().stream().map(Node::id).toList());
        ShapeReport report = ShapeInference.infer(project.graph());
        List<String> expectedLabels = project.graph().edges().stream().map(e -> report.outputShape(e.from()).label()).toList();
        assertThat(texts(svg, "shape")).containsExactlyInAnyOrderElementsOf(expectedLabels);
        assertThat(svg.getElementsByTagName("path").getLength()).isGreaterThanOrEqualTo(project.graph().edges().size());
        for (Node n : project.graph().nodes()) {
            assertThat(texts(svg, "output")).contains("→ " + report.outputShape(n.id()).label()
                    + (report.info(n.id()).orElseThrow().params() == 0 ? "" : " · " + Text.count(report.info(n.id()).orElseThrow().params(), "param")));
        }
    }

    @Test
    void boxesStayInTheDesignersOrderFromLeftToRightAndNeverOverlap() {
        Project project = ExportFixtures.project("vision");
        DiagramLayout layout = DiagramLayout.of(NetworkPlan.of(project));
        List<DiagramLayout.Box> boxes = layout.boxes();
        for (DiagramLayout.Box a : boxes) {
            for (DiagramLayout.Box b : boxes) {
                if (a == b) continue;
                if (a.node().x() < b.node().x()) assertThat(a.x()).isLessThan(b.x());
                boolean overlap = a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
                        && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
                assertThat(overlap).as("%s overlaps %s", a.node().id(), b.node().id()).isFalse();
            }
            assertThat(a.x() + a.width()).isLessThanOrEqualTo(layout.width());
            assertThat(a.y() + a.height()).isLessThanOrEqualTo(layout.height());
        }
    }

    @Test
    void textFromTheProjectIsEscaped() throws Exception {
        Project project = KerasScriptExporterTest.project(List.of(
                        Node.of("<in & \"out\">", "Input", Map.of("shape", List.of(3))),
                        Node.of("out", "Output", Map.of("units", 2))),
                List.of(new Edge("<in & \"out\">", "out")));
        project.setName("A </title> & <script>alert(1)</script>");
        Document svg = parse(exporter.svg(project));
        assertThat(texts(svg, "id")).contains("<in & \"out\">");
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(project.name());
        assertThat(svg.getElementsByTagName("script").getLength()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void pngDecodesAtTwiceTheSvgSizeWithEachBoxDrawnWhereTheSvgPutsIt(String name) throws Exception {
        Project project = ExportFixtures.project(name);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(exporter.png(project)));
        Element svg = parse(exporter.svg(project)).getDocumentElement();

        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isEqualTo(2 * Integer.parseInt(svg.getAttribute("width")));
        assertThat(png.getHeight()).isEqualTo(2 * Integer.parseInt(svg.getAttribute("height")));
        assertThat(png.getHeight()).isBetween(300, 4000);
        DiagramLayout layout = DiagramLayout.of(NetworkPlan.of(project));
        for (DiagramLayout.Box b : layout.boxes()) {
            Color accent = new Color(png.getRGB((int) (2 * (b.x() + b.width() / 2)), (int) (2 * (b.y() + 2))));
            assertThat(accent).as("accent bar of %s", b.node().id()).isEqualTo(b.accent());
            Color body = new Color(png.getRGB((int) (2 * (b.x() + b.width() - 4)), (int) (2 * (b.y() + b.height() / 2))));
            assertThat(body).as("box of %s", b.node().id()).isEqualTo(DiagramLayout.BOX_FILL);
        }
        assertThat(new Color(png.getRGB(4, png.getHeight() - 4))).isEqualTo(DiagramLayout.BACKGROUND);
    }

    @Test
    void aVeryWideNetworkIsDrawnSmallerAndAnEnormousOneOnlyAsSvg() throws Exception {
        BufferedImage wide = ImageIO.read(new ByteArrayInputStream(exporter.png(chain(100))));
        Element svg = parse(exporter.svg(chain(100))).getDocumentElement();
        assertThat(Integer.parseInt(svg.getAttribute("width"))).isGreaterThan(DiagramExporter.MAX_PNG_SIDE / 2);
        assertThat(wide.getWidth()).isLessThanOrEqualTo(DiagramExporter.MAX_PNG_SIDE)
                .isGreaterThanOrEqualTo(Integer.parseInt(svg.getAttribute("width")));

        Project enormous = chain(200);
        assertThatThrownBy(() -> exporter.png(enormous)).isInstanceOf(ExportException.class)
                .hasMessageContaining("too large for a PNG").hasMessageContaining("SVG");
        assertThat(parse(exporter.svg(enormous)).getElementsByTagName("g").getLength()).isGreaterThan(200);
    }

    /** Input, {@code hidden} Dense layers and an Output in a row, 180 units apart as the designer places them. */
    private static Project chain(int hidden) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(new Node("in", "Input", 0, 100, Map.of("shape", List.of(4))));
        String previous = "in";
        for (int i = 1; i <= hidden + 1; i++) {
            String id = i <= hidden ? "d" + i : "out";
            nodes.add(new Node(id, i <= hidden ? "Dense" : "Output", 180.0 * i, 100, Map.of("units", 4)));
            edges.add(new Edge(previous, id));
            previous = id;
        }
        return KerasScriptExporterTest.project(nodes, edges);
    }

    @Test
    void anInvalidNetworkIsRefusedAndNoPictureIsWritten(@TempDir Path dir) {
        Project project = KerasScriptExporterTest.project(List.of(
                        Node.of("in", "Input", Map.of("shape", List.of(3))),
                        Node.of("lstm", "LSTM", Map.of("units", 4)),
                        Node.of("out", "Output", Map.of("units", 2))),
                List.of(new Edge("in", "lstm"), new Edge("lstm", "out")));
        for (DiagramExporter.Format format : DiagramExporter.Format.values()) {
            assertThatThrownBy(() -> exporter.write(project, dir.resolve("net." + format.name().toLowerCase()), format))
                    .isInstanceOf(ExportException.class).hasMessageContaining("lstm");
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theFileExtensionChoosesTheFormat(@TempDir Path dir) throws IOException {
        assertThat(DiagramExporter.Format.forFile(Path.of("a/net.SVG"))).isEqualTo(DiagramExporter.Format.SVG);
        assertThat(DiagramExporter.Format.forFile(Path.of("net.png"))).isEqualTo(DiagramExporter.Format.PNG);
        assertThatThrownBy(() -> DiagramExporter.Format.forFile(Path.of("net.jpg")))
                .hasMessageContaining("net.jpg").hasMessageContaining(".svg or .png");
        Path file = dir.resolve("xor.svg");
        exporter.write(ExportFixtures.project("xor"), file, DiagramExporter.Format.SVG);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(exporter.svg(ExportFixtures.project("xor")));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document svg, String cssClass) {
        List<String> out = new ArrayList<>();
        NodeList texts = svg.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (t.getAttribute("class").equals(cssClass)) out.add(t.getTextContent());
        }
        return out;
    }
}
