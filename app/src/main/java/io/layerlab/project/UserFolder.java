package io.layerlab.project;

import java.nio.file.Path;

/** LayerLab's folder in the user's home, {@code ~/.layerlab}, for recent files and recovery copies. */
final class UserFolder {
    private UserFolder() { }

    static Path path() {
        return Path.of(System.getProperty("user.home"), ".layerlab");
    }
}
