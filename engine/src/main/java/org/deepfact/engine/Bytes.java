package org.deepfact.engine;

import java.util.Locale;

/** Sizes for people, as the memory checks of the nodes and the command line report them. */
public final class Bytes {

    private Bytes() {
    }

    /** @return e.g. 512 B, 1.5 GiB */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
