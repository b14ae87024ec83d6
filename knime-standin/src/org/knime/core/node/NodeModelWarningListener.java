package org.knime.core.node;

import java.util.EventListener;

import org.knime.core.node.message.Message;

/**
 * Offline stand-in for KNIME's {@code NodeModelWarningListener} interface.
 * <p>
 * Notified whenever a node model's warning message is set (including reset to null).
 */
public interface NodeModelWarningListener extends EventListener {

    /**
     * @param warning the new warning, possibly null (KNIME 5 passes a {@link Message})
     */
    public void warningChanged(Message warning);
}
