package io.layerlab;

import io.layerlab.ui.DesignerLauncher;

/** Opens the designer when started without arguments; runs the command line otherwise. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        if (args.length == 0) {
            DesignerLauncher.main(args);
            return;
        }
        // The command line (io.layerlab.cli) takes over this branch.
        System.err.println("usage: layerlab                      open the designer");
        System.err.println("       layerlab check|train|export …  (the command line is not part of this build yet)");
        System.exit(2);
    }
}
