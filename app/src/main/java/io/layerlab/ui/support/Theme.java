package io.layerlab.ui.support;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Light or dark: switches AtlantaFX's Primer user-agent stylesheet for the whole application
 * and remembers the choice. Our own stylesheets only use the theme's colour names, so they follow.
 */
public final class Theme {
    private static final String DARK_KEY = "darkTheme";

    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final Preferences preferences;

    /** @param preferences where the choice is remembered; null to not remember it (tests) */
    public Theme(Preferences preferences) {
        this.preferences = preferences;
        dark.set(preferences != null && preferences.getBoolean(DARK_KEY, false));
        dark.addListener((obs, was, isDark) -> {
            apply();
            if (preferences != null) preferences.putBoolean(DARK_KEY, isDark);
        });
    }

    /** Sets the stylesheet for the current choice; call once at start. */
    public void apply() {
        Application.setUserAgentStylesheet(dark.get()
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public BooleanProperty darkProperty() { return dark; }
}
