package org.knime.core.data;

/**
 * Offline stand-in for KNIME's {@code IDataRepository} interface.
 * <p>
 * KNIME's workflow-wide table/blob/file-store repository; the stand-in keeps no data and declares no members.
 */
public interface IDataRepository {
}
