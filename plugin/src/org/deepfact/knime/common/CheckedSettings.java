package org.deepfact.knime.common;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;

/**
 * A node's settings: settings models under flat keys and nested parts (one {@link SettingsGroup}),
 * plus cross-setting checks. {@link #validate} checks every key, then loads the candidate values
 * into a fresh instance and runs {@link #check()} on it, so validation never touches the live values.
 * Its messages name the dialog label of each setting registered with {@link #label}.
 */
public abstract class CheckedSettings implements PersistentSettings {

    private final SettingsGroup m_group = new SettingsGroup();

    /** @return {@code model}, registered under {@code key} (for field initialisers) */
    protected final <M extends SettingsModel> M add(final String key, final M model) {
        return m_group.add(key, model);
    }

    /**
     * A setting added after the first release: absent from old settings, it loads its default
     * (see {@link SettingsGroup#addSince}).
     *
     * @return {@code model}, registered under {@code key} (for field initialisers)
     */
    protected final <M extends SettingsModel> M addSince(final String since, final String key, final M model) {
        return m_group.addSince(since, key, model);
    }

    /** Names the dialog label of a setting; validation messages then name it ({@link SettingsGroup#labelled}). */
    protected final void label(final String key, final String label) {
        m_group.label(key, label);
    }

    /** @return {@code e} with the dialog labels of its keys named (see {@link SettingsGroup#labelled}) */
    protected final InvalidSettingsException withLabels(final InvalidSettingsException e) {
        final String labelled = m_group.labelled(e.getMessage());
        return labelled.equals(e.getMessage()) ? e : new InvalidSettingsException(labelled, e);
    }

    /** @return {@code part}, saved, validated and loaded with these settings (for field initialisers) */
    protected final <P extends PersistentSettings> P add(final P part) {
        return m_group.add(part);
    }

    /** @return a new instance with default values: {@link #validate} checks candidate settings on it */
    protected abstract CheckedSettings newInstance();

    /**
     * Cross-setting and value checks of the current values, each message naming the keys involved.
     * Nodes call it in configure and execute as well. None by default.
     *
     * @throws InvalidSettingsException when the values cannot work together
     */
    public void check() throws InvalidSettingsException {
        // no checks beyond the models' own
    }

    @Override
    public final void saveTo(final NodeSettingsWO settings) {
        m_group.saveTo(settings);
    }

    @Override
    public final void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            m_group.validate(settings);
            final CheckedSettings candidate = newInstance();
            candidate.m_group.loadFrom(settings);
            candidate.check();
        } catch (InvalidSettingsException e) {
            throw withLabels(e);
        }
    }

    /** Validates, then loads. */
    @Override
    public void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        validate(settings);
        m_group.loadFrom(settings);
    }
}
