package org.deepfact.knime.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/**
 * A node's saved settings as text, one entry a line: {@code path <TAB> type <TAB> value}, nested
 * configs as {@code outer/inner}. The offline KNIME stand-in has no {@code NodeSettings.saveToXML},
 * so the test resources that keep what each release saved use this format (readable in a diff).
 * Types are found with KNIME's type-strict getters, so only the public settings API is used.
 */
public final class SettingsSnapshot {

    private SettingsSnapshot() {
    }

    /** @return the settings as snapshot text */
    public static String write(final NodeSettingsRO settings) {
        final StringBuilder b = new StringBuilder();
        write(settings, "", b);
        return b.toString();
    }

    private static void write(final ConfigRO c, final String prefix, final StringBuilder b) {
        for (final String key : c.keySet()) {
            final String path = prefix + key;
            final ConfigRO child = tryGet(() -> c.getConfig(key));
            if (child != null) {
                b.append(path).append("\tconfig\t\n");
                write(child, path + "/", b);
                continue;
            }
            final String[] typed = typed(c, key);
            b.append(path).append('\t').append(typed[0]).append('\t').append(typed[1]).append('\n');
        }
    }

    private static String[] typed(final ConfigRO c, final String key) {
        final Integer i = tryGet(() -> c.getInt(key));
        if (i != null) {
            return new String[]{"int", i.toString()};
        }
        final Long l = tryGet(() -> c.getLong(key));
        if (l != null) {
            return new String[]{"long", l.toString()};
        }
        final Double d = tryGet(() -> c.getDouble(key));
        if (d != null) {
            return new String[]{"double", d.toString()};
        }
        final Boolean z = tryGet(() -> c.getBoolean(key));
        if (z != null) {
            return new String[]{"boolean", z.toString()};
        }
        final String[] a = tryGet(() -> c.getStringArray(key));
        if (a != null && tryGet(() -> c.getString(key)) == null) {
            final StringBuilder v = new StringBuilder();
            for (final String s : a) {
                v.append(v.length() == 0 ? "" : ",").append(s == null ? "\\0" : escape(s).replace(",", "\\c"));
            }
            return new String[]{"strings", v.toString()};
        }
        final String s = tryGet(() -> c.getString(key));
        return s == null ? new String[]{"null", ""} : new String[]{"string", escape(s)};
    }

    /** @return settings read from snapshot text */
    public static NodeSettings read(final InputStream in) throws IOException {
        final NodeSettings root = new NodeSettings("model");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                final String[] f = line.split("\t", 3);
                final List<String> path = List.of(f[0].split("/"));
                final ConfigWO c = descend(root, path.subList(0, path.size() - 1));
                add(c, path.get(path.size() - 1), f[1], f.length > 2 ? f[2] : "");
            }
        }
        return root;
    }

    private static ConfigWO descend(final NodeSettings root, final List<String> path) throws IOException {
        ConfigRO c = root;
        for (final String p : path) {
            try {
                c = c.getConfig(p);
            } catch (InvalidSettingsException e) {
                throw new IOException("Config '" + p + "' used before its line", e);
            }
        }
        return (ConfigWO)c;
    }

    private static void add(final ConfigWO c, final String key, final String type, final String v) {
        switch (type) {
            case "config" -> c.addConfig(key);
            case "int" -> c.addInt(key, Integer.parseInt(v));
            case "long" -> c.addLong(key, Long.parseLong(v));
            case "double" -> c.addDouble(key, Double.parseDouble(v));
            case "boolean" -> c.addBoolean(key, Boolean.parseBoolean(v));
            case "string" -> c.addString(key, unescape(v));
            case "null" -> c.addString(key, null);
            case "strings" -> {
                final List<String> out = new ArrayList<>();
                for (final String s : v.isEmpty() ? new String[0] : v.split(",", -1)) {
                    out.add("\\0".equals(s) ? null : unescape(s.replace("\\c", ",")));
                }
                c.addStringArray(key, out.toArray(new String[0]));
            }
            default -> throw new IllegalArgumentException("Unknown snapshot type '" + type + "'");
        }
    }

    private static String escape(final String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(final String s) {
        final StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            final char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                final char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    @FunctionalInterface
    private interface Getter<T> {
        T get() throws Exception;
    }

    private static <T> T tryGet(final Getter<T> g) {
        try {
            return g.get();
        } catch (Exception | LinkageError e) {
            return null;
        }
    }
}
