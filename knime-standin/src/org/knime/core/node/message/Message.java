package org.knime.core.node.message;

/**
 * Offline stand-in for KNIME's {@code Message} (since KNIME 5.0): a read-only node warning
 * or error. Only the summary is modelled; KNIME's issue details and resolutions are not.
 */
public final class Message {

    private final String m_summary;

    private Message(final String summary) {
        m_summary = summary;
    }

    /** @return the non-null summary */
    public String getSummary() {
        return m_summary;
    }

    /**
     * @param summary the summary, not null
     * @return a message with just that summary
     */
    public static Message fromSummary(final String summary) {
        if (summary == null) {
            throw new IllegalArgumentException("argument must not be null");
        }
        return new Message(summary);
    }

    /**
     * @param message a message or null
     * @return its summary, or null for a null message
     */
    public static String getSummaryFrom(final Message message) {
        return message == null ? null : message.getSummary();
    }

    @Override
    public String toString() {
        return m_summary;
    }
}
