package org.knime.core.node;

import org.knime.core.node.config.Config;

/**
 * Offline stand-in for KNIME's {@code ModelContent} class.
 * <p>
 * In-memory content tree (see {@link org.knime.core.node.config.base.ConfigBase}); nested content is
 * {@code ModelContent} too. No XML persistence.
 */
public final class ModelContent extends Config implements ModelContentRO, ModelContentWO {

    /**
     * @param key the key of this content
     */
    public ModelContent(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new ModelContent(key);
    }

    @Override
    public ModelContentWO addModelContent(final String key) {
        return (ModelContent)super.addConfig(key);
    }

    @Override
    public ModelContent getModelContent(final String key) throws InvalidSettingsException {
        final Config c = super.getConfig(key);
        if (!(c instanceof ModelContent)) {
            throw new InvalidSettingsException("Entry \"" + key + "\" is not a model content object");
        }
        return (ModelContent)c;
    }
}
