package io.layerlab.ui.support;

import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first enters their control. A {@link Tooltip} is a popup window
 * with a scene of its own, styled against the whole theme as it is made: the few dozen of the
 * window's rows and entries, made up front, were a tenth of the work of opening the designer.
 * Made on entry, a tooltip shows as any other: after its delay, while the pointer rests there.
 */
public final class HoverTooltips {
    private HoverTooltips() { }

    /** Gives {@code control} the tooltip {@code make} returns, once the pointer first enters it (unless it has one by then). */
    public static void install(Control control, Supplier<Tooltip> make) {
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) control.setTooltip(make.get());
            }
        });
    }

    /** Gives {@code control} a tooltip of {@code text}, made when the pointer first enters it. */
    public static void install(Control control, String text) {
        install(control, () -> new Tooltip(text));
    }

    /**
     * Gives {@code label} its own whole text as a tooltip, for a note a narrow panel cuts short with an
     * ellipsis: made when the pointer enters the label, following the text from then on, and none
     * while the label is empty (an empty tooltip would show as a blank box).
     */
    public static void installWholeText(Labeled label) {
        label.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            String text = label.getText();
            if (text == null || text.isEmpty()) {
                label.setTooltip(null);
            } else if (label.getTooltip() == null) {
                Tooltip tip = new Tooltip();
                tip.textProperty().bind(label.textProperty());
                label.setTooltip(tip);
            }
        });
    }

    /**
     * Gives {@code control} a tooltip that follows {@code text} and wraps lines at {@code maxWidth},
     * made when the pointer first enters it.
     */
    public static void installWrapping(Control control, ObservableValue<String> text, double maxWidth) {
        install(control, () -> {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(text);
            tip.setWrapText(true);
            tip.setMaxWidth(maxWidth);
            return tip;
        });
    }
}
