package io.layerlab;

import io.layerlab.cli.Cli;
import io.layerlab.train.MemorySettings;
import io.layerlab.ui.DesignerLauncher;

/**
 * Opens the designer when started without arguments; runs the command line otherwise. The
 * command-line path never touches JavaFX, so it runs on machines without a display.
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        MemorySettings.configure();
        if (args.length == 0) {
            DesignerLauncher.main(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
