package org.deepfact.cli;

import java.util.Locale;

/**
 * A minimal writer for one flat JSON object: string, boolean, integer, double (non-finite as
 * null) and double-array members. Deliberately tiny instead of a JSON library dependency: the command
 * line only ever prints flat records, and escaping follows RFC 8259 section 7 exactly.
 */
final class Json {

    private final StringBuilder out = new StringBuilder("{");
    private boolean first = true;

    private Json key(String name) {
        if (!first) {
            out.append(", ");
        }
        first = false;
        string(name);
        out.append(": ");
        return this;
    }

    Json put(String name, String value) {
        key(name);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    Json put(String name, boolean value) {
        key(name).out.append(value);
        return this;
    }

    Json put(String name, long value) {
        key(name).out.append(value);
        return this;
    }

    Json put(String name, double value) {
        key(name);
        number(value);
        return this;
    }

    Json put(String name, double[] values) {
        key(name).out.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            number(values[i]);
        }
        out.append(']');
        return this;
    }

    private void number(double v) {
        // JSON has no NaN or infinity; Double.toString otherwise yields valid JSON numbers (1.0E-6).
        out.append(Double.isFinite(v) ? Double.toString(v) : "null");
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out + "}";
    }
}
