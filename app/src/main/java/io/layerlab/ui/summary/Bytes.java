package io.layerlab.ui.summary;

/** Byte counts as people read them: 812 B, 4.8 KB, 17.2 MB. */
final class Bytes {
    private Bytes() { }

    static String format(long bytes) {
        if (bytes < 1024) return bytes + " B";
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
        return String.format("%.1f %s", v, units[u]);
    }
}
