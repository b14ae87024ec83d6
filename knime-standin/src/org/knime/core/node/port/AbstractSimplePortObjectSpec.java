package org.knime.core.node.port;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/**
 * Offline stand-in for KNIME's {@code AbstractSimplePortObjectSpec} class.
 * <p>
 * A spec that saves and loads itself to/from {@link ModelContentWO}/{@link ModelContentRO}; equality and hash code
 * compare the saved content. Subclasses need a public no-arg constructor. KNIME's zip serializer is omitted (no
 * workflow persistence offline); no views.
 */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {

    /**
     * Offline stand-in for KNIME's nested spec serializer base class (KNIME &gt;= 3.0), which
     * subclasses extend with an empty body and register in plugin.xml. KNIME's base class
     * (PortObjectSpec.PortObjectSpecSerializer) is not modelled: there is no zip persistence offline.
     *
     * @param <T> the spec class
     */
    public abstract static class AbstractSimplePortObjectSpecSerializer<T extends AbstractSimplePortObjectSpec> {
    }

    /** Public no-arg constructor; subclasses must have one too. */
    public AbstractSimplePortObjectSpec() {
    }

    /**
     * @param model to save to
     */
    protected abstract void save(final ModelContentWO model);

    /**
     * @param model to load from
     * @throws InvalidSettingsException if the content is incomplete
     */
    protected abstract void load(final ModelContentRO model) throws InvalidSettingsException;

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(final Object ospec) {
        if (ospec == this) {
            return true;
        }
        if (ospec == null || !getClass().equals(ospec.getClass())) {
            return false;
        }
        final ModelContent a = new ModelContent("ignored");
        final ModelContent b = new ModelContent("ignored");
        save(a);
        ((AbstractSimplePortObjectSpec)ospec).save(b);
        return a.toString().equals(b.toString());
    }

    @Override
    public int hashCode() {
        final ModelContent a = new ModelContent("ignored");
        save(a);
        return a.toString().hashCode();
    }
}
