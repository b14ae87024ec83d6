package org.knime.core.node.port;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/**
 * Offline stand-in for KNIME's {@code AbstractSimplePortObject} class.
 * <p>
 * A port object that saves and loads itself to/from {@link ModelContentWO}/{@link ModelContentRO}; equality and hash
 * code compare the saved content. Subclasses need a public no-arg constructor. KNIME's zip serializer is omitted (no
 * workflow persistence offline); no views.
 */
public abstract class AbstractSimplePortObject implements PortObject {

    /**
     * Offline stand-in for KNIME's nested serializer base class (KNIME &gt;= 3.0), which subclasses
     * extend with an empty body and register in plugin.xml. KNIME's base class
     * (PortObject.PortObjectSerializer) is not modelled: there is no zip persistence offline.
     *
     * @param <T> the port object class
     */
    public abstract static class AbstractSimplePortObjectSerializer<T extends AbstractSimplePortObject> {
    }

    /** Public no-arg constructor; subclasses must have one too. */
    public AbstractSimplePortObject() {
    }

    /**
     * @param model to save to
     * @param exec for progress and cancellation
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void save(final ModelContentWO model, final ExecutionMonitor exec)
        throws CanceledExecutionException;

    /**
     * @param model to load from
     * @param spec the accompanying spec
     * @param exec for progress and cancellation
     * @throws InvalidSettingsException if the content is incomplete
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void load(final ModelContentRO model, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException;

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    private String content() {
        final ModelContent c = new ModelContent("ignored");
        try {
            save(c, new ExecutionMonitor());
        } catch (CanceledExecutionException e) {
            // a fresh monitor is never canceled
        }
        return c.toString();
    }

    @Override
    public boolean equals(final Object oport) {
        if (oport == this) {
            return true;
        }
        if (oport == null || !getClass().equals(oport.getClass())) {
            return false;
        }
        return content().equals(((AbstractSimplePortObject)oport).content());
    }

    @Override
    public int hashCode() {
        return content().hashCode();
    }
}
