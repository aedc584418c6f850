package io.layerlab.ui.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs: JavaFX alerts and file choosers, owned by the main window. */
public final class FxDialogService implements DialogService {
    public static final String PROJECT_EXTENSION = ".layerlab.json";

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) { this.owner = owner; }

    @Override
    public SaveChoice askSaveChanges(String documentName, String action) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType dontSave = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Unsaved changes",
                "Save the changes to \"" + documentName + "\" before " + action + "?",
                "Your changes are lost if you don't save them.");
        alert.getButtonTypes().setAll(save, dontSave, cancel);
        ButtonType answer = alert.showAndWait().orElse(cancel);
        if (answer == save) return SaveChoice.SAVE;
        if (answer == dontSave) return SaveChoice.DONT_SAVE;
        return SaveChoice.CANCEL;
    }

    @Override
    public Optional<Path> chooseProjectToOpen(Path initialDirectory) {
        FileChooser chooser = projectChooser("Open project", initialDirectory);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseProjectSaveLocation(Path initialDirectory, String suggestedFileName) {
        FileChooser chooser = projectChooser("Save project", initialDirectory);
        chooser.setInitialFileName(suggestedFileName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath).map(FxDialogService::withProjectExtension);
    }

    @Override
    public Optional<Path> choosePngSaveLocation(Path initialDirectory, String suggestedFileName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export diagram as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"));
        setInitialDirectory(chooser, initialDirectory);
        chooser.setInitialFileName(suggestedFileName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath)
                .map(p -> p.getFileName().toString().toLowerCase().endsWith(".png") ? p : p.resolveSibling(p.getFileName() + ".png"));
    }

    @Override
    public Optional<Path> chooseSaveLocation(String title, Path initialDirectory, String suggestedFileName, FileKind kind) {
        FileChooser chooser = chooser(title, initialDirectory, kind);
        chooser.setInitialFileName(suggestedFileName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath).map(kind::withExtension);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path initialDirectory, FileKind kind) {
        return Optional.ofNullable(chooser(title, initialDirectory, kind).showOpenDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(String title, Path initialDirectory, FileKind kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(kind.description() + " (*" + kind.extension() + ")", "*" + kind.extension()),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        setInitialDirectory(chooser, initialDirectory);
        return chooser;
    }

    @Override
    public boolean confirm(String title, String message, String yesLabel, String noLabel) {
        ButtonType yes = new ButtonType(yesLabel, ButtonBar.ButtonData.YES);
        ButtonType no = new ButtonType(noLabel, ButtonBar.ButtonData.NO);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, title, message);
        alert.getButtonTypes().setAll(yes, no);
        return alert.showAndWait().orElse(no) == yes;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, title, message).showAndWait();
    }

    @Override
    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, title, message).showAndWait();
    }

    private Alert alert(Alert.AlertType type, String title, String header, String content) {
        Alert alert = new Alert(type);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(header);
        // A wrapping label: long messages (file paths, parser errors) must not be cut off.
        Label text = new Label(content);
        text.setWrapText(true);
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.setResizable(true);
        return alert;
    }

    private static FileChooser projectChooser(String title, Path initialDirectory) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("LayerLab project (*" + PROJECT_EXTENSION + ")", "*" + PROJECT_EXTENSION),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        setInitialDirectory(chooser, initialDirectory);
        return chooser;
    }

    private static void setInitialDirectory(FileChooser chooser, Path directory) {
        if (directory != null && Files.isDirectory(directory)) chooser.setInitialDirectory(directory.toFile());
    }

    /** "net" becomes "net.layerlab.json"; a name that already ends so is kept. */
    static Path withProjectExtension(Path path) {
        String name = path.getFileName().toString();
        if (name.endsWith(PROJECT_EXTENSION)) return path;
        if (name.endsWith(".json")) name = name.substring(0, name.length() - ".json".length());
        if (name.endsWith(".layerlab")) name = name.substring(0, name.length() - ".layerlab".length());
        return path.resolveSibling(name + PROJECT_EXTENSION);
    }
}
