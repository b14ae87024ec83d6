package org.knime.core.data;

import java.util.Iterator;

/**
 * Offline stand-in for KNIME's {@code RowIterator} class.
 * <p>
 * A read-only iterator over table rows; {@link #remove()} always throws.
 */
public abstract class RowIterator implements Iterator<DataRow> {

    @Override
    public abstract boolean hasNext();

    @Override
    public abstract DataRow next();

    @Override
    public final void remove() {
        throw new UnsupportedOperationException("Tables are read-only");
    }
}
