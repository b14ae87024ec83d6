package org.deepfact.knime.completion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The dense 0-based indices of one axis (matrix rows or matrix columns).
 *
 * <p>With arbitrary IDs ({@link #sorted}) the keys are normalised values: {@link Long} for
 * integer keys (integer columns, and whole numbers in floating-point columns), {@link Double}
 * for other numbers, {@link String} for everything else. Index i is given to the i-th smallest
 * key: numbers first in numeric order, then texts in lexicographic (UTF-16) order. Sorting, not
 * order of first appearance, makes the mapping independent of the row order of the input
 * tables, and the identity when the IDs happen to be 0..n-1.
 *
 * <p>With 0-based indices ({@link #identity}) key i is the index i itself.
 */
public final class KeyIndex {

    /** Numbers before texts; numbers by value; texts lexicographically. */
    static final Comparator<Object> ORDER = (a, b) -> {
        boolean an = a instanceof Number;
        boolean bn = b instanceof Number;
        if (an && bn) {
            if (a instanceof Long && b instanceof Long) {
                return Long.compare((Long)a, (Long)b);
            }
            return Double.compare(((Number)a).doubleValue(), ((Number)b).doubleValue());
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return a.toString().compareTo(b.toString());
    };

    private final int m_size;

    /** null for the identity mapping. */
    private final List<Object> m_keys;

    private final Map<Object, Integer> m_index;

    private KeyIndex(final int size, final List<Object> keys, final Map<Object, Integer> index) {
        m_size = size;
        m_keys = keys;
        m_index = index;
    }

    /** @return the mapping i -> i of n indices */
    public static KeyIndex identity(final int n) {
        return new KeyIndex(n, null, null);
    }

    /** @param keys normalised keys (Long, Double or String), duplicates allowed */
    public static KeyIndex sorted(final Collection<?> keys) {
        TreeSet<Object> set = new TreeSet<>(ORDER);
        set.addAll(keys);
        List<Object> list = Collections.unmodifiableList(new ArrayList<>(set));
        Map<Object, Integer> index = new HashMap<>(list.size() * 2);
        for (int i = 0; i < list.size(); i++) {
            index.put(list.get(i), i);
        }
        return new KeyIndex(list.size(), list, index);
    }

    /** @return number of distinct keys / indices */
    public int size() {
        return m_size;
    }

    /** @return true for the identity mapping of 0-based indices */
    public boolean isIdentity() {
        return m_keys == null;
    }

    /** @return the key of index i (a Long for the identity mapping) */
    public Object key(final int i) {
        if (i < 0 || i >= m_size) {
            throw new IndexOutOfBoundsException("Index " + i + " out of range [0, " + m_size + ")");
        }
        return m_keys == null ? Long.valueOf(i) : m_keys.get(i);
    }

    /** @return the index of a normalised key, or -1 when unknown */
    public int indexOf(final Object key) {
        if (m_keys == null) {
            if (key instanceof Long) {
                long v = (Long)key;
                return v >= 0 && v < m_size ? (int)v : -1;
            }
            return -1;
        }
        Integer i = m_index.get(key);
        return i == null ? -1 : i;
    }
}
