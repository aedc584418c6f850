package io.layerlab.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small text helpers shared by the exporters. */
final class Text {
    private Text() { }

    /** Lines of at most {@code width} characters, broken between words; a longer word stays whole. Keeps blank lines. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.strip().split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                if (word.isEmpty()) continue;
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) line.append(' ');
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** 1,234,567: thousands separated by commas whatever the machine's locale. */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1 parameter", "1,024 parameters". */
    static String count(long n, String noun) {
        return number(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
