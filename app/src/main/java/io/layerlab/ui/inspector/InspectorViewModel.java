package io.layerlab.ui.inspector;

import io.layerlab.catalog.ActivationKind;
import io.layerlab.catalog.Catalog;
import io.layerlab.catalog.LayerKind;
import io.layerlab.catalog.ParamSpec;
import io.layerlab.data.DataSources;
import io.layerlab.graph.Graph;
import io.layerlab.graph.Node;
import io.layerlab.graph.SetParam;
import io.layerlab.shape.Diagnostic;
import io.layerlab.shape.LayerInfo;
import io.layerlab.ui.model.DesignDocument;
import io.layerlab.ui.model.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;

/**
 * What the inspector shows: for one selected node its parameters (as {@link SpecItem}s built
 * from the catalog), id, shape and explanation; with nothing selected, the project's data and
 * training settings ({@link ProjectSettings}). Valid changes become one edit each.
 */
public final class InspectorViewModel {
    /** What the inspector is showing. */
    public enum Mode { PROJECT, NODE, MULTIPLE }

    private final Workspace workspace;
    private final ProjectSettings settings = new ProjectSettings();
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.PROJECT);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper formula = new ReadOnlyStringWrapper(this, "formula", "");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper(this, "validationMessage", "");
    private final ObservableList<SpecItem> nodeItems = FXCollections.observableArrayList();
    private final ObservableList<SpecItem> dataItems = FXCollections.observableArrayList();
    private final ObservableList<SpecItem> trainingItems = FXCollections.observableArrayList();
    private final Map<String, String> invalidParams = new LinkedHashMap<>();

    private DesignDocument document;
    /** The node the items were built for, and the parameter names they cover. */
    private String shownNodeId;
    private List<String> shownParams = List.of();
    private String shownSource;

    private final SetChangeListener<String> selectionListener = change -> refresh();
    private final io.layerlab.graph.GraphListener graphListener = g -> refresh();

    public InspectorViewModel(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace);
        workspace.documentProperty().addListener((obs, old, doc) -> attach(doc));
        attach(workspace.document());
    }

    private void attach(DesignDocument doc) {
        if (document != null) {
            document.selection().removeListener(selectionListener);
            document.graph().removeListener(graphListener);
        }
        document = doc;
        shownNodeId = null;
        shownSource = null;
        if (doc != null) {
            doc.selection().addListener(selectionListener);
            doc.graph().addListener(graphListener);
        }
        refresh();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() { return mode.getReadOnlyProperty(); }
    /** The layer type, the activation's name, or "Project". */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    /** The node id with its output shape and parameter count, or the project's name. */
    public ReadOnlyStringProperty subtitleProperty() { return subtitle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty explanationProperty() { return explanation.getReadOnlyProperty(); }
    /** The activation function's formula (for an Activation node or a layer's activation). */
    public ReadOnlyStringProperty formulaProperty() { return formula.getReadOnlyProperty(); }
    /** The selected node's problems, one per line. */
    public ReadOnlyStringProperty problemsProperty() { return problems.getReadOnlyProperty(); }
    /** Why the text in a field is not applied; empty while everything typed is valid. */
    public ReadOnlyStringProperty validationMessageProperty() { return validationMessage.getReadOnlyProperty(); }

    public ObservableList<SpecItem> nodeItems() { return nodeItems; }
    public ObservableList<SpecItem> dataItems() { return dataItems; }
    public ObservableList<SpecItem> trainingItems() { return trainingItems; }

    /** Editors report invalid text here; the newest message is shown. */
    void reportValidation(String parameter, String message) {
        if (message == null) invalidParams.remove(parameter); else invalidParams.put(parameter, message);
        validationMessage.set(invalidParams.isEmpty() ? "" : List.copyOf(invalidParams.values()).get(invalidParams.size() - 1));
    }

    private void refresh() {
        if (document == null) return;
        if (document.selection().size() == 1) {
            String id = document.selection().iterator().next();
            Optional<Node> node = document.graph().node(id);
            if (node.isPresent()) { showNode(node.get()); return; }
        }
        shownNodeId = null;
        nodeItems.clear();
        clearValidation();
        formula.set("");
        problems.set("");
        if (document.selection().size() > 1) {
            mode.set(Mode.MULTIPLE);
            title.set(document.selection().size() + " nodes selected");
            subtitle.set("");
            explanation.set("Select a single node to edit its parameters.");
            return;
        }
        showProject();
    }

    private void clearValidation() {
        invalidParams.clear();
        validationMessage.set("");
    }

    // --- one node ---

    private void showNode(Node node) {
        mode.set(Mode.NODE);
        Optional<LayerKind> kind = Catalog.layer(node.type());
        List<ParamSpec> specs = kind.map(k -> specsFor(k, node)).orElse(List.of());
        List<String> names = specs.stream().map(ParamSpec::name).toList();
        if (!node.id().equals(shownNodeId) || !names.equals(shownParams)) {
            clearValidation();
            shownNodeId = node.id();
            shownParams = names;
            List<SpecItem> items = new ArrayList<>();
            for (ParamSpec spec : specs) {
                items.add(new SpecItem(spec, spec.name(), "Parameters", valueOf(node, spec),
                        v -> setParam(node.id(), spec.name(), v)));
            }
            nodeItems.setAll(items);
        } else {
            for (SpecItem item : nodeItems) item.refresh(valueOf(node, item.spec()));
        }
        describe(node, kind);
    }

    /**
     * An Activation node shows its function and only the parameters that function has; a layer
     * shows maxout's pieces only while maxout is its activation.
     */
    private static List<ParamSpec> specsFor(LayerKind kind, Node node) {
        if (!kind.type().equals("Activation")) {
            boolean maxout = activationOf(node, "activation").map(a -> a.name().equals("maxout")).orElse(false);
            return maxout ? kind.params() : kind.params().stream().filter(p -> !p.name().equals("pieces")).toList();
        }
        List<ParamSpec> specs = new ArrayList<>();
        kind.param("function").ifPresent(specs::add);
        activationOf(node, "function").ifPresent(fn -> specs.addAll(fn.params()));
        return specs;
    }

    private static Object valueOf(Node node, ParamSpec spec) {
        Object v = node.param(spec.name());
        if (v != null) return v;
        Object effective = Catalog.effectiveParam(node.type(), node.params(), spec.name());
        return effective != null ? effective : spec.defaultValue();
    }

    private static Optional<ActivationKind> activationOf(Node node, String param) {
        Object fn = Catalog.effectiveParam(node.type(), node.params(), param);
        return fn == null ? Optional.empty() : Catalog.activation(String.valueOf(fn));
    }

    private void setParam(String nodeId, String name, Object value) {
        // A field may commit when focus leaves it after its node was deleted or another document opened.
        if (document == null || !document.graph().contains(nodeId)) return;
        document.execute(new SetParam(nodeId, name, value));
    }

    private void describe(Node node, Optional<LayerKind> kind) {
        LayerInfo info = document.report().info(node.id()).orElse(null);
        StringBuilder sub = new StringBuilder(node.id());
        if (info != null && info.output() != null) sub.append("  ·  output ").append(info.output().label());
        if (info != null) sub.append("  ·  ").append(String.format("%,d", info.params())).append(info.params() == 1 ? " parameter" : " parameters");
        subtitle.set(sub.toString());

        if (kind.isEmpty()) {
            title.set(node.type());
            explanation.set("LayerLab does not know the layer type \"" + node.type() + "\". Valid types: "
                    + String.join(", ", Catalog.layerTypes()) + ".");
            formula.set("");
        } else if (node.type().equals("Activation")) {
            Optional<ActivationKind> fn = activationOf(node, "function");
            title.set("Activation: " + fn.map(ActivationKind::displayName).orElse(String.valueOf(node.param("function"))));
            explanation.set(fn.map(ActivationKind::explanation).orElse("") + "\n\n" + kind.get().explanation());
            formula.set(fn.map(ActivationKind::formula).orElse(""));
        } else {
            title.set(node.type());
            explanation.set(kind.get().explanation());
            formula.set(kind.get().param("activation").isPresent()
                    ? activationOf(node, "activation").map(a -> "activation " + a.displayName() + ":  " + a.formula()).orElse("")
                    : "");
        }
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : document.report().diagnosticsFor(node.id())) {
            lines.add(d.message() + (d.hint() == null ? "" : " — " + d.hint()));
        }
        problems.set(String.join("\n", lines));
    }

    // --- nothing selected: the project ---

    private void showProject() {
        mode.set(Mode.PROJECT);
        title.set("Project");
        subtitle.set(document.project().name());
        String source = document.project().data().source();
        explanation.set(DataSources.find(source).map(s -> s.name() + ": " + s.explanation() + "\n\n").orElse("")
                + "Select a node to see and edit its parameters. With nothing selected, these are the "
                + "project's data and training settings.");
        if (!Objects.equals(source, shownSource) || dataItems.isEmpty()) {
            shownSource = source;
            clearValidation();
            dataItems.setAll(settings.dataItems(document));
            trainingItems.setAll(settings.trainingItems(document));
        } else {
            settings.refresh(document, dataItems, trainingItems);
        }
    }

    /** The graph this inspector edits (for tests). */
    Graph graph() { return document.graph(); }
}
