package org.knime.core.node.defaultnodesettings;

/**
 * Offline stand-in for KNIME's {@code SettingsModelNumber} class.
 * <p>
 * Base of numeric models; number components read and write the value as text.
 */
public abstract class SettingsModelNumber extends SettingsModel {

    /* package-private as in KNIME */
    abstract String getNumberValueStr();

    /* package-private as in KNIME; throws IllegalArgumentException for unparsable or out-of-range text */
    abstract void setNumberValueStr(final String newValueStr);
}
