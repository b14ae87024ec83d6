package org.knime.core.data.container;

import java.io.Closeable;

import org.knime.core.data.RowIterator;

/**
 * Offline stand-in for KNIME's {@code CloseableRowIterator} class.
 * <p>
 * A row iterator that can be closed early; the stand-in's in-memory iterators simply stop after close.
 */
public abstract class CloseableRowIterator extends RowIterator implements Closeable {

    @Override
    public abstract void close();
}
