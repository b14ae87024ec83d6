package org.deepfact.engine.experiment;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SweepGrid} as one line of text, {@code name=value;name=value;...} in record-component
 * order, and back: what a shard writes so that {@code reproduce merge} can rebuild and check the
 * grid, and what a Spark task receives to rebuild its run. Equal grids give equal texts.
 *
 * <p>Why reflection over the record's components: the grid gains settings over time; every
 * component of a supported type (int, long, double, boolean, enum, list of Integer / Long /
 * Double) is written and read without touching this class, and a grid written by another
 * version is refused with the names of the settings that differ. Doubles use
 * {@link Double#toString}, which round-trips exactly; enums their constant name.
 */
public final class GridText {

    private GridText() {
    }

    /** @return the grid as one line of text */
    public static String encode(SweepGrid grid) {
        StringBuilder b = new StringBuilder();
        for (RecordComponent c : SweepGrid.class.getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(grid);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read grid setting " + c.getName(), e);
            }
            b.append(b.length() == 0 ? "" : ";").append(c.getName()).append('=').append(text(v));
        }
        return b.toString();
    }

    /**
     * @return the grid the text describes
     * @throws IllegalArgumentException naming the setting that is missing, unknown or malformed
     */
    public static SweepGrid decode(String text) {
        Map<String, String> fields = fields(text);
        RecordComponent[] cs = SweepGrid.class.getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) {
            String name = cs[i].getName();
            String value = fields.remove(name);
            if (value == null) {
                throw new IllegalArgumentException("Grid description has no setting '" + name + "' (written by an "
                        + "older version of deepfact? run it again with this one)");
            }
            types[i] = cs[i].getType();
            try {
                args[i] = value(cs[i].getGenericType(), value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Grid setting " + name + "=" + value + " is malformed: "
                        + e.getMessage(), e);
            }
        }
        if (!fields.isEmpty()) {
            throw new IllegalArgumentException("Grid description has unknown setting(s) " + fields.keySet()
                    + " (written by another version of deepfact?)");
        }
        try {
            Constructor<SweepGrid> k = SweepGrid.class.getDeclaredConstructor(types);
            SweepGrid grid = k.newInstance(args);
            grid.validate();
            return grid;
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("Invalid grid: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build a grid", e);
        }
    }

    /** @return a short hash of the grid's text: 16 hex digits of its SHA-256 */
    public static String fingerprint(SweepGrid grid) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(encode(grid).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return "name: a vs b" for every setting whose value differs (or is present in one text only) */
    public static List<String> differences(String a, String b) {
        Map<String, String> fa = fields(a);
        Map<String, String> fb = fields(b);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : fa.entrySet()) {
            String other = fb.get(e.getKey());
            if (!e.getValue().equals(other)) {
                out.add(e.getKey() + ": " + e.getValue() + " vs " + (other == null ? "(none)" : other));
            }
        }
        for (String k : fb.keySet()) {
            if (!fa.containsKey(k)) {
                out.add(k + ": (none) vs " + fb.get(k));
            }
        }
        return out;
    }

    private static Map<String, String> fields(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Grid description is empty");
        }
        for (String part : text.trim().split(";", -1)) {
            int eq = part.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("Grid description part '" + part + "' is not name=value");
            }
            if (out.put(part.substring(0, eq), part.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("Grid setting '" + part.substring(0, eq) + "' is given twice");
            }
        }
        return out;
    }

    private static String text(Object v) {
        if (v instanceof List<?> list) {
            StringBuilder b = new StringBuilder();
            for (Object o : list) {
                b.append(b.length() == 0 ? "" : ",").append(text(o));
            }
            return b.toString();
        }
        return v instanceof Enum<?> e ? e.name() : String.valueOf(v);
    }

    private static Object value(Type type, String s) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            List<Object> out = new ArrayList<>();
            if (!s.isEmpty()) {
                for (String part : s.split(",", -1)) {
                    out.add(value(p.getActualTypeArguments()[0], part));
                }
            }
            return out;
        }
        Class<?> c = (Class<?>) type;
        if (c == int.class || c == Integer.class) {
            return Integer.parseInt(s);
        }
        if (c == long.class || c == Long.class) {
            return Long.parseLong(s);
        }
        if (c == double.class || c == Double.class) {
            return Double.parseDouble(s);
        }
        if (c == boolean.class || c == Boolean.class) {
            if (!s.equals("true") && !s.equals("false")) {
                throw new IllegalArgumentException("expected true or false");
            }
            return Boolean.parseBoolean(s);
        }
        if (c.isEnum()) {
            return enumValue(c, s);
        }
        if (c == String.class) {
            return s;
        }
        throw new IllegalStateException("Grid setting of type " + c.getName() + " has no text form");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> c, String s) {
        return Enum.valueOf((Class) c, s);
    }
}
